//! Language identification with `whatlang` (trigram profiles, 69 languages).

/// The language of `text` as an ISO 639-3 code ("eng", "rus", "kaz") with
/// whatlang's confidence in `[0, 1]`; `None` when the text is too short or
/// has no letters. Reports in any language are kept; this only labels them.
pub(crate) fn detect_language(text: &str) -> Option<(String, f64)> {
    // A few thousand characters decide the language; more only costs time.
    let sample = prefix_at_char_boundary(text, 4096);
    let info = whatlang::detect(sample)?;
    Some((info.lang().code().to_string(), info.confidence()))
}

fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_english_and_other_languages() {
        let english = "The governor declared a curfew after two nights of clashes in the port city, officials said on Thursday.";
        let (code, confidence) = detect_language(english).expect("detected");
        assert_eq!(code, "eng");
        assert!(confidence > 0.5);
        let russian = "Губернатор ввёл комендантский час после двух ночей столкновений в портовом городе, сообщили чиновники.";
        assert_eq!(
            detect_language(russian).map(|l| l.0).as_deref(),
            Some("rus")
        );
        let german = "Der Gouverneur verhängte nach zwei Nächten mit Zusammenstößen in der Hafenstadt eine Ausgangssperre, teilten Beamte mit.";
        assert_eq!(detect_language(german).map(|l| l.0).as_deref(), Some("deu"));
    }

    #[test]
    fn nothing_to_detect_is_none_and_long_text_is_sampled() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12345 !!!"), None);
        let long = "Émeutes à la frontière. ".repeat(1000);
        assert!(detect_language(&long).is_some());
    }

    #[test]
    fn seed_reports_are_english() {
        let Ok(shared) = std::env::var("CORROBORATE_SHARED") else {
            return;
        };
        let dir = std::path::Path::new(&shared).join("corpus/seeds");
        let entries = std::fs::read_dir(&dir).expect("CORROBORATE_SHARED set but seeds missing");
        let mut seen = 0;
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("seed readable");
            let (code, confidence) = detect_language(&text).expect("detected");
            assert_eq!(code, "eng", "{}", entry.path().display());
            assert!(confidence > 0.9);
            seen += 1;
        }
        assert!(
            seen >= 5,
            "expected the five seed reports in {}",
            dir.display()
        );
    }
}
