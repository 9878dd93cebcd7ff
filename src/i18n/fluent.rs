//! The translations: Fluent files, one per language (`locales/it.ftl`, `en.ftl`, `de.ftl`),
//! embedded in the binary. Italian is the reference; a message missing in another language
//! falls back to Italian (a test makes sure none is missing).
//!
//! Messages without variables are formatted once and kept, so the window can ask for them every
//! frame for free; messages with variables (counts with plurals, names, numbers) are formatted
//! on each call.

use super::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The Fluent source of each language.
pub const SOURCES: [(Lang, &str, &str); 3] = [
    (Lang::It, "it", include_str!("../../locales/it.ftl")),
    (Lang::En, "en", include_str!("../../locales/en.ftl")),
    (Lang::De, "de", include_str!("../../locales/de.ftl")),
];

struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted.
    plain: HashMap<String, String>,
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::It => 0,
        Lang::En => 1,
        Lang::De => 2,
    }
}

fn catalogs() -> &'static [Catalog; 3] {
    static CATALOGS: OnceLock<[Catalog; 3]> = OnceLock::new();
    CATALOGS.get_or_init(|| SOURCES.map(|(_, code, src)| load(code, src)))
}

fn load(code: &str, src: &str) -> Catalog {
    // A syntax error leaves out only the broken message (the test reports it).
    let resource = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let ids: Vec<String> = message_ids(&resource);
    let locale = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks: the text also goes to terminals and files.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    let mut plain = HashMap::new();
    for id in ids {
        if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(id, text.into_owned());
            }
        }
    }
    Catalog { bundle, plain }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The message `id` (without variables) in `lang`; Italian when `lang` lacks it; the id itself
/// when no language has it.
pub fn text(lang: Lang, id: &str) -> &'static str {
    let all = catalogs();
    match all[index(lang)].plain.get(id).or_else(|| all[0].plain.get(id)) {
        Some(s) => s.as_str(),
        None => {
            tracing::warn!(id, "message missing in every language");
            "?"
        }
    }
}

/// Whether the reference language (Italian) has the message `id`.
pub fn has(id: &str) -> bool {
    catalogs()[0].plain.contains_key(id) || catalogs()[0].bundle.has_message(id)
}

/// The message `id` in `lang` with its variables (numbers choose the plural form).
pub fn format(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let all = catalogs();
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    for c in [&all[index(lang)], &all[0]] {
        if let Some(pattern) = c.bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return c.bundle.format_pattern(pattern, Some(&fa), &mut errors).into_owned();
        }
    }
    tracing::warn!(id, "message missing in every language");
    "?".to_owned()
}

/// A Rust name ("ChangePin", "DemoAce2025") as a message id's tail ("change-pin",
/// "demo-ace-2025").
pub fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if let Some(p) = prev
            && ((c.is_ascii_uppercase() && !p.is_ascii_uppercase() && !p.is_ascii_digit()) || (c.is_ascii_digit() && !p.is_ascii_digit()))
        {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(src: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
        message_ids(&resource).into_iter().collect()
    }

    #[test]
    fn every_file_parses_and_has_every_key_of_every_other() {
        let sets: Vec<(&str, BTreeSet<String>)> = SOURCES.iter().map(|(_, code, src)| (*code, ids(src))).collect();
        for (code, set) in &sets {
            for (other, other_set) in &sets {
                let missing: Vec<_> = other_set.difference(set).collect();
                assert!(missing.is_empty(), "{code}.ftl lacks what {other}.ftl has: {missing:?}");
            }
        }
        assert!(sets[0].1.len() > 150, "{}", sets[0].1.len());
    }

    /// The variables ($name) each message of a Fluent source uses.
    fn variables(src: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
        let mut out: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
        let mut current = None;
        for line in src.lines() {
            if let Some((id, _)) = line.split_once(" = ").filter(|(id, _)| !id.starts_with([' ', '#']) && !id.is_empty()) {
                current = Some(id.trim().to_owned());
            } else if !line.starts_with(' ') {
                current = None;
            }
            if let Some(id) = &current {
                let vars = out.entry(id.clone()).or_default();
                for part in line.split('$').skip(1) {
                    vars.insert(part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect());
                }
            }
        }
        out
    }

    #[test]
    fn every_message_formats_in_every_language_with_the_variables_italian_gives_it() {
        // The variables each message uses come from the Italian file; every language must
        // format with them without errors (a misspelt variable or a broken plural shows up here)
        // and use no variable Italian does not give.
        let reference = variables(SOURCES[0].2);
        for (lang, code, src) in SOURCES {
            let c = &catalogs()[index(lang)];
            let own = variables(src);
            for id in ids(src) {
                let msg = c.bundle.get_message(&id).unwrap_or_else(|| panic!("{code}: {id}"));
                let pattern = msg.value().unwrap_or_else(|| panic!("{code}: {id} has no value"));
                let given = reference.get(&id).cloned().unwrap_or_default();
                let used = own.get(&id).cloned().unwrap_or_default();
                assert!(used.is_subset(&given), "{code}: {id} uses {used:?}, Italian gives {given:?}");
                let mut args = FluentArgs::new();
                for var in &given {
                    args.set(var.clone(), FluentValue::from(2));
                }
                let mut errors = Vec::new();
                let text = c.bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{code}: {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{code}: {id} is empty");
            }
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        let one = format(Lang::It, "days-left", &[("days", FluentValue::from(1))]);
        let many = format(Lang::It, "days-left", &[("days", FluentValue::from(20))]);
        assert_eq!(one, "1 giorno rimasto");
        assert_eq!(many, "20 giorni rimasti");
        assert_eq!(format(Lang::En, "days-left", &[("days", FluentValue::from(1))]), "1 day left");
        assert_eq!(format(Lang::De, "days-left", &[("days", FluentValue::from(3))]), "noch 3 Tage");
    }

    #[test]
    fn every_key_of_the_window_and_of_the_shared_table_has_a_message_in_every_language() {
        for (lang, code, src) in SOURCES {
            let own = ids(src);
            for k in crate::i18n::ui::Ui::ALL {
                let id = format!("ui-{}", kebab(&format!("{k:?}")));
                assert!(own.contains(&id), "{code}.ftl has no {id}");
                assert_ne!(crate::i18n::ui::ui(lang, k), "?");
            }
            for k in crate::i18n::text::Text::ALL {
                let id = format!("text-{}", kebab(&format!("{k:?}")));
                assert!(own.contains(&id), "{code}.ftl has no {id}");
            }
        }
    }

    #[test]
    fn rust_names_become_message_ids() {
        assert_eq!(kebab("ChangePin"), "change-pin");
        assert_eq!(kebab("DemoAce2025"), "demo-ace-2025");
        assert_eq!(kebab("WaitingUpTo60s"), "waiting-up-to-60s");
    }
}
