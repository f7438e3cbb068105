//! Report metadata from the markup of a page.
//!
//! Each field takes the first source that has it:
//!
//! | field     | sources, in order                                                                  |
//! |-----------|------------------------------------------------------------------------------------|
//! | title     | JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`                          |
//! | outlet    | JSON-LD `publisher.name`, `og:site_name`, `application-name`                        |
//! | author    | JSON-LD `author` (names joined by ", "), `<meta name=author>`, `article:author`*    |
//! | url       | `og:url`, `<link rel=canonical>` (absolute URLs only)                               |
//! | published | JSON-LD `datePublished`, `article:published_time`, `og:published_time`,            |
//! |           | `<meta name=date / pubdate / publishdate / dc.date / dcterms.created>`,             |
//! |           | `<meta itemprop=datePublished>`, the first `<time datetime>`                        |
//!
//! \* `article:author` only when it is a name, not a profile URL.
//! JSON-LD is read from every `application/ld+json` script: a single
//! object, an array, or an `@graph`; the first object whose `@type` is an
//! article type (`NewsArticle`, `Article`, `ReportageNewsArticle`, …) wins.

use chrono::NaiveDate;
use dom_query::Document;
use serde_json::Value;

use crate::dates::parse_metadata_date;
use crate::shared::collapse_whitespace;

/// What the markup says about the report.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageMeta {
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<NaiveDate>,
}

const PUBLISHED_META: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[property="og:published_time"]"#,
    r#"meta[name="article:published_time"]"#,
    r#"meta[name="date"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publishdate"]"#,
    r#"meta[name="DC.date"]"#,
    r#"meta[name="dc.date"]"#,
    r#"meta[name="dcterms.created"]"#,
    r#"meta[itemprop="datePublished"]"#,
];

pub(crate) fn page_meta(doc: &Document) -> PageMeta {
    let article = json_ld_article(doc);
    let ld = |key: &str| article.as_ref().and_then(|a| a.get(key));
    PageMeta {
        title: ld("headline")
            .and_then(value_text)
            .or_else(|| {
                meta_content(
                    doc,
                    &[
                        r#"meta[property="og:title"]"#,
                        r#"meta[name="twitter:title"]"#,
                    ],
                )
            })
            .or_else(|| non_empty(&doc.select("title").text())),
        outlet: ld("publisher").and_then(name_of).or_else(|| {
            meta_content(
                doc,
                &[
                    r#"meta[property="og:site_name"]"#,
                    r#"meta[name="application-name"]"#,
                ],
            )
        }),
        author: ld("author").and_then(names_of).or_else(|| author_meta(doc)),
        url: meta_content(doc, &[r#"meta[property="og:url"]"#])
            .or_else(|| {
                doc.select(r#"link[rel="canonical"]"#)
                    .attr("href")
                    .and_then(|h| non_empty(&h))
            })
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        published: ld("datePublished")
            .and_then(value_text)
            .and_then(|d| parse_metadata_date(&d))
            .or_else(|| meta_content(doc, PUBLISHED_META).and_then(|d| parse_metadata_date(&d)))
            .or_else(|| first_time_datetime(doc)),
    }
}

fn meta_content(doc: &Document, selectors: &[&str]) -> Option<String> {
    selectors
        .iter()
        .find_map(|sel| doc.select(sel).attr("content").and_then(|c| non_empty(&c)))
}

fn author_meta(doc: &Document) -> Option<String> {
    meta_content(doc, &[r#"meta[name="author"]"#]).or_else(|| {
        meta_content(doc, &[r#"meta[property="article:author"]"#]).filter(|a| !a.contains("://"))
    })
}

fn first_time_datetime(doc: &Document) -> Option<NaiveDate> {
    doc.select("time[datetime]")
        .iter()
        .take(5)
        .find_map(|t| t.attr("datetime").and_then(|d| parse_metadata_date(&d)))
}

fn non_empty(text: &str) -> Option<String> {
    let collapsed = collapse_whitespace(text);
    (!collapsed.is_empty()).then(|| html_escape::decode_html_entities(&collapsed).into_owned())
}

/// The first article-typed JSON-LD object in the page.
fn json_ld_article(doc: &Document) -> Option<Value> {
    doc.select(r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|script| serde_json::from_str::<Value>(script.text().trim()).ok())
        .find_map(find_article)
}

fn find_article(value: Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.into_iter().find_map(find_article),
        Value::Object(mut map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(Value::Object(map));
            }
            map.remove("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn is_article_type(kind: &Value) -> bool {
    match kind {
        Value::String(s) => s.ends_with("Article") || s == "BlogPosting" || s == "Report",
        Value::Array(kinds) => kinds.iter().any(is_article_type),
        _ => false,
    }
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(s),
        Value::Array(items) => items.iter().find_map(value_text),
        _ => None,
    }
}

/// `"Name"` or `{"name": "Name"}` (first of an array).
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map.get("name").and_then(value_text),
        Value::Array(items) => items.iter().find_map(name_of),
        other => value_text(other),
    }
}

/// All names of a person or list of people, joined by ", ".
fn names_of(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        page_meta(&Document::from(html))
    }

    #[test]
    fn json_ld_comes_first() {
        let got = meta_of(
            r#"<html><head><title>Page title | Site</title>
            <meta property="og:title" content="OG title">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
              {"@type":["NewsArticle"],"headline":"Bridge reopens","datePublished":"2023-05-02T06:00:00+03:00",
               "author":[{"@type":"Person","name":"Ada Rolle"},{"name":"Ben Orr"}],"publisher":{"name":"Valley Post"}}]}</script>
            </head><body></body></html>"#,
        );
        assert_eq!(got.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(got.author.as_deref(), Some("Ada Rolle, Ben Orr"));
        assert_eq!(got.outlet.as_deref(), Some("Valley Post"));
        assert_eq!(got.published, NaiveDate::from_ymd_opt(2023, 5, 2));
    }

    #[test]
    fn meta_tags_and_time_fill_in() {
        let got = meta_of(
            r#"<head><title> Plain &amp; simple </title>
            <meta property="og:site_name" content="Town Crier">
            <meta property="article:author" content="https://example.org/staff/1">
            <link rel="canonical" href="https://example.org/a/1">
            <script type="application/ld+json">{ not json</script></head>
            <body><time datetime="nonsense">x</time><time datetime="2021-12-30">Dec 30</time></body>"#,
        );
        assert_eq!(got.title.as_deref(), Some("Plain & simple"));
        assert_eq!(got.outlet.as_deref(), Some("Town Crier"));
        assert_eq!(got.author, None);
        assert_eq!(got.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(got.published, NaiveDate::from_ymd_opt(2021, 12, 30));
    }

    #[test]
    fn article_meta_date_and_og() {
        let got = meta_of(
            r#"<meta property="og:title" content="Storm warning"><meta property="og:url" content="/relative">
            <meta property="article:published_time" content="2020-01-09T10:00:00Z"><meta name="author" content="C. Dell">"#,
        );
        assert_eq!(got.title.as_deref(), Some("Storm warning"));
        assert_eq!(got.url, None);
        assert_eq!(got.author.as_deref(), Some("C. Dell"));
        assert_eq!(got.published, NaiveDate::from_ymd_opt(2020, 1, 9));
    }
}
