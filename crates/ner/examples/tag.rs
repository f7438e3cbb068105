//! Prints the default tagger's mentions for the text on standard input,
//! one per line (kind, byte span, text): a quick look while working on
//! the tagger. `cargo run --release -p corroborate-ner --example tag < FILE`
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let tokens = corroborate_text::tokens(&text);
    let sentences = corroborate_text::sentences(&text);
    for mention in corroborate_ner::extract(&text, &sentences, &tokens) {
        println!(
            "{:<12} {:>5}..{:<5} {}",
            mention.kind.as_str(),
            mention.span.start,
            mention.span.end,
            mention.text
        );
    }
    Ok(())
}
