//! The command line's help and usage errors in the user's language. clap writes English; the
//! help texts come from the Fluent catalogs (`cli-<command path>` for a command,
//! `cli-<command path>--<argument>` or `cli-arg-<argument>` for an argument, `cli-heading-*`
//! for the headings), and a usage error is said by its kind with the words of the catalog.
//! The language is chosen before clap runs: `--lang`, then `TESSERA_LANG`, then the system's.

use crate::i18n::Lang;
use crate::i18n::fluent::{format, has, text};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// The language for the help and the usage errors, from the raw arguments (clap has not run).
pub fn lang_before_parsing(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    let mut from_args = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(l) = value.and_then(Lang::from_code) {
            from_args = Some(l);
        }
    }
    from_args.or_else(|| std::env::var("TESSERA_LANG").ok().as_deref().and_then(Lang::from_code)).unwrap_or_else(Lang::from_env)
}

/// The message `id`, when the catalogs have it.
fn maybe(lang: Lang, id: &str) -> Option<&'static str> {
    has(id).then(|| text(lang, id))
}

/// The catalog key of argument `id`'s help under command `path`: the command's own
/// (`<path>--<id>`) when the catalogs have one, else the one shared by every command
/// (`cli-arg-<id>`).
fn arg_key(path: &str, id: &str) -> String {
    let id = id.replace('_', "-");
    let own = format!("{path}--{id}");
    if has(&own) { own } else { format!("cli-arg-{id}") }
}

/// `cmd` with its help, its subcommands' and its arguments' in `lang`.
pub fn localized(cmd: clap::Command, lang: Lang) -> clap::Command {
    localize(cmd, lang, "cli")
}

fn localize(mut cmd: clap::Command, lang: Lang, path: &str) -> clap::Command {
    if let Some(about) = maybe(lang, path) {
        cmd = cmd.about(about);
    }
    let options = text(lang, "cli-heading-options");
    let arguments = text(lang, "cli-heading-arguments");
    let usage = text(lang, "cli-heading-usage");
    cmd = cmd
        .help_template(format!("{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"))
        .subcommand_help_heading(text(lang, "cli-heading-commands"))
        .subcommand_value_name(text(lang, "cli-value-command"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help).help(text(lang, "cli-help-flag")));
    if path == "cli" {
        cmd = cmd
            .disable_version_flag(true)
            .arg(clap::Arg::new("version").short('V').long("version").action(clap::ArgAction::Version).help(text(lang, "cli-version-flag")));
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let help = maybe(lang, &arg_key(path, &id));
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let heading = if a.is_positional() { arguments } else { options };
            let a = a.help_heading(heading);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subs {
        let sub_path = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, lang, &sub_path));
    }
    cmd
}

/// Every catalog key the command line's help uses (the catalog test checks each exists).
#[cfg(test)]
pub fn keys(cmd: &clap::Command) -> Vec<String> {
    let mut out = Vec::new();
    walk(cmd, "cli", &mut out);
    out
}

#[cfg(test)]
fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    out.push(path.to_owned());
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        out.push(arg_key(path, id));
    }
    for s in cmd.get_subcommands() {
        walk(s, &format!("{path}-{}", s.get_name()), out);
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A usage error in `lang`: what was wrong, the valid values or the nearest name when clap
/// knows them, and how to get the help. Help and version requests are printed as they are.
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return clap_words(&e.render().to_string(), lang);
        }
        ErrorKind::UnknownArgument => format(lang, "cli-error-unknown-argument", &[("arg", arg.into())]),
        ErrorKind::InvalidSubcommand => format(lang, "cli-error-unknown-command", &[("arg", context(e, ContextKind::InvalidSubcommand).into())]),
        ErrorKind::InvalidValue => format(lang, "cli-error-invalid-value", &[("value", value.into()), ("arg", arg.into())]),
        ErrorKind::ValueValidation => {
            // Tessera's own checks (language, demo states and models) say why, in the user's
            // language already (see args.rs).
            let why = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
            format!("{} {why}", format(lang, "cli-error-invalid-value", &[("value", value.into()), ("arg", arg.into())]))
        }
        ErrorKind::MissingRequiredArgument => format(lang, "cli-error-missing", &[("arg", arg.into())]),
        ErrorKind::MissingSubcommand => text(lang, "cli-error-missing-command").to_owned(),
        ErrorKind::NoEquals => format(lang, "cli-error-no-equals", &[("arg", arg.into())]),
        ErrorKind::ArgumentConflict => format(lang, "cli-error-conflict", &[("arg", arg.into()), ("other", context(e, ContextKind::PriorArg).into())]),
        ErrorKind::TooManyValues => format(lang, "cli-error-too-many", &[("arg", arg.into())]),
        _ => {
            // Any other kind: clap's own words, after the translated "error".
            let raw = e.render().to_string();
            raw.lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned()
        }
    };
    let mut out = format!("{} {what}\n", text(lang, "cli-error"));
    let valid = context(e, ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push_str(&format(lang, "cli-error-valid-values", &[("values", valid.into())]));
        out.push('\n');
    }
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue].map(|k| context(e, k));
    if let Some(s) = suggested.iter().find(|s| !s.is_empty()) {
        out.push_str(&format(lang, "cli-error-did-you-mean", &[("name", s.clone().into())]));
        out.push('\n');
    }
    let usage = context(e, ContextKind::Usage);
    if let Some(u) = usage.strip_prefix("Usage: ").or(Some(usage.as_str())).filter(|u| !u.is_empty()) {
        out.push_str(&format!("\n{} {}\n", text(lang, "cli-heading-usage"), clap_words(u, lang)));
    }
    out.push_str(&format!("\n{}\n", text(lang, "cli-error-more")));
    out
}

/// The few words clap writes itself into help and usage lines, in `lang`.
fn clap_words(s: &str, lang: Lang) -> String {
    [("[OPTIONS]", "cli-word-options"), ("[default: ", "cli-word-default"), ("[env: ", "cli-word-env"), ("[possible values: ", "cli-word-possible")]
        .iter()
        .fold(s.to_owned(), |acc, (en, id)| acc.replace(en, text(lang, id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_argument_has_its_help_in_the_catalog() {
        let missing: Vec<String> = keys(&super::super::args::Cli::command()).into_iter().filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "help texts missing from locales/*.ftl: {missing:#?}");
    }

    #[test]
    fn help_and_errors_speak_italian() {
        let cmd = || localized(super::super::args::Cli::command(), Lang::It);
        let help = render_error(&cmd().try_get_matches_from(["tessera", "pin", "unblock", "--help"]).expect_err("help"), Lang::It);
        assert!(help.contains("Uso: tessera pin unblock [OPZIONI]") && help.contains("ultimo tentativo del PUK") && help.contains("[predefinito: cps]"), "{help}");
        assert!(!help.contains("Usage") && !help.contains("Options") && !help.contains("Print help"), "{help}");
        let typo = render_error(&cmd().try_get_matches_from(["tessera", "statuss"]).expect_err("typo"), Lang::It);
        assert!(typo.starts_with("errore: il comando «statuss» non esiste.") && typo.contains("Forse intendevi «status»?"), "{typo}");
        let unknown = render_error(&cmd().try_get_matches_from(["tessera", "status", "--bogus"]).expect_err("unknown"), Lang::It);
        assert!(unknown.contains("l'opzione «--bogus» non esiste") && unknown.contains("Per l'aiuto"), "{unknown}");
    }

    #[test]
    fn the_language_is_found_before_clap_runs() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_before_parsing(&args(&["tessera", "status", "--lang", "de"])), Lang::De);
        assert_eq!(lang_before_parsing(&args(&["tessera", "--lang=en", "pin"])), Lang::En);
        assert_eq!(lang_before_parsing(&args(&["tessera", "--lang=it", "--", "--lang=de"])), Lang::It);
    }
}
