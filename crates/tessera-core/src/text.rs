//! Text that came from a card (names in EF_DatiPersonali, certificate fields, ATR historical
//! bytes) made safe to show: no control characters, terminal escape sequences or invisible
//! direction overrides reach a terminal, a window or a report.

/// Characters that change how the rest of a line is shown without being visible themselves:
/// zero-width marks, direction embeddings/overrides/isolates, word joiners, the BOM.
fn invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `s` without padding NULs at the end, with every control character (C0, DEL, C1 — so ESC
/// and CSI sequences cannot act) and invisible format character replaced by U+FFFD, so that
/// tampering shows instead of acting.
pub fn printable(s: &str) -> String {
    s.trim_end_matches('\0').chars().map(|c| if c.is_control() || invisible_format(c) { '\u{FFFD}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escapes_and_controls_cannot_act() {
        assert_eq!(printable("MARIA\u{1b}[2J\u{1b}]0;pwned\u{7}"), "MARIA\u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}");
        assert_eq!(printable("ROSSI\r\nFAKE LINE"), "ROSSI\u{FFFD}\u{FFFD}FAKE LINE");
        assert_eq!(printable("A\u{202E}gpj.exe"), "A\u{FFFD}gpj.exe");
        assert_eq!(printable("\u{9b}31m"), "\u{FFFD}31m");
        assert_eq!(printable("ESEMPIO\0\0"), "ESEMPIO");
        assert_eq!(printable("D'ANNUNZIO ÀÈ"), "D'ANNUNZIO ÀÈ");
    }
}
