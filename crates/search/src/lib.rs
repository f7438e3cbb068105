//! Full-text search over a workspace's reports. Hits are sentences, each
//! located by byte offsets into its report's cleaned text, so that the web
//! app's source viewer can open the report at the hit.
//!
//! One tantivy document per sentence holds the report's id and title, the
//! sentence's span and text. Words are lower-cased, folded to ASCII and
//! stemmed (English), so "Arrested" finds "arrests" and "Sarànth" finds
//! "Saranth"; highlights are found again by tokenizing the hit sentence with
//! the same analyzer, whose tokens keep their offsets into the original text.

mod highlight;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use corroborate_model::{Report, Span};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{Query, QueryParser};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term,
};

use highlight::{snippet_window, QueryWords};

/// One sentence that matches a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The report's id (`ReportMeta::id`).
    pub report_id: String,
    pub report_title: String,
    /// The matching sentence, by byte offsets into the report's cleaned text.
    pub sentence: Span,
    /// The sentence's text (or a window of it around the matches).
    pub snippet: String,
    /// The matched words, by byte offsets into the report's cleaned text.
    pub highlights: Vec<Span>,
    pub score: f32,
}

/// What can go wrong opening, writing or reading the index. A query string
/// is never an error: odd input is parsed leniently.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot create the search index folder {path}: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the search index folder {path}: {source}")]
    OpenFolder {
        path: PathBuf,
        source: tantivy::directory::error::OpenDirectoryError,
    },
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("sentence {start}..{end} does not fit report {report_id}'s text")]
    SentenceOutOfRange {
        report_id: String,
        start: usize,
        end: usize,
    },
    #[error("search index document lacks its {0} field")]
    MissingField(&'static str),
}

/// Name under which the analyzer is registered with the index.
const ANALYZER: &str = "corroborate_en";
/// Memory the writer may buffer before it flushes a segment (all threads).
const WRITER_MEMORY_BYTES: usize = 64 * 1024 * 1024;
/// A title matches count for less than the sentence's own words.
const TITLE_BOOST: f32 = 0.5;
/// Documents looked at first while collecting hits.
const PAGE_SIZE: usize = 64;
/// Upper bound on documents looked at for one query, so a query matching
/// only the titles of many long reports stays cheap.
const MAX_DOCUMENTS_SCANNED: usize = 4096;

#[derive(Clone, Copy)]
struct Fields {
    report_id: Field,
    title: Field,
    start: Field,
    end: Field,
    text: Field,
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let words = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let offset = NumericOptions::default().set_stored();
        let fields = Fields {
            report_id: builder.add_text_field("report_id", STRING | tantivy::schema::STORED),
            title: builder.add_text_field("title", words.clone()),
            start: builder.add_u64_field("start", offset.clone()),
            end: builder.add_u64_field("end", offset),
            text: builder.add_text_field("text", words),
        };
        (builder.build(), fields)
    }
}

/// The analyzer for titles and sentences: words, lower-cased, accents
/// folded, stemmed. Its tokens keep byte offsets into the analysed text.
fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// A search index kept in a folder.
pub struct SearchIndex {
    index: Index,
    fields: Fields,
    writer: IndexWriter,
    reader: IndexReader,
    parser: QueryParser,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the folder and an empty index
    /// when missing. Only one `SearchIndex` may have a folder open at once.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, SearchError> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|source| SearchError::CreateFolder {
            path: dir.to_path_buf(),
            source,
        })?;
        let directory = MmapDirectory::open(dir).map_err(|source| SearchError::OpenFolder {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, fields) = Fields::schema();
        let index = Index::open_or_create(directory, schema)?;
        index.tokenizers().register(ANALYZER, analyzer());
        let writer = index.writer(WRITER_MEMORY_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut parser = QueryParser::for_index(&index, vec![fields.text, fields.title]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, TITLE_BOOST);
        Ok(SearchIndex {
            index,
            fields,
            writer,
            reader,
            parser,
        })
    }

    /// Queues a report's sentences for indexing, replacing whatever was
    /// indexed under the same id. Searchable after [`SearchIndex::commit`].
    pub fn add_report(&mut self, report: &Report, sentences: &[Span]) -> Result<(), SearchError> {
        let id = &report.meta.id;
        self.remove_report(id);
        for sentence in sentences {
            let text =
                sentence
                    .slice(&report.text)
                    .ok_or_else(|| SearchError::SentenceOutOfRange {
                        report_id: id.clone(),
                        start: sentence.start,
                        end: sentence.end,
                    })?;
            if text.trim().is_empty() {
                continue;
            }
            let mut document = TantivyDocument::new();
            document.add_text(self.fields.report_id, id);
            document.add_text(self.fields.title, &report.meta.title);
            document.add_u64(self.fields.start, sentence.start as u64);
            document.add_u64(self.fields.end, sentence.end as u64);
            document.add_text(self.fields.text, text);
            self.writer.add_document(document)?;
        }
        Ok(())
    }

    /// Queues the removal of a report's sentences; effective after
    /// [`SearchIndex::commit`].
    pub fn remove_report(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.report_id, id));
    }

    /// Writes the queued changes to disk; once it returns, searches see them.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        self.writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of indexed sentences (as of the last commit).
    pub fn len(&self) -> usize {
        usize::try_from(self.reader.searcher().num_docs()).unwrap_or(usize::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sentences best matching `query`, as typed in a search box: words
    /// must all occur (in the sentence or its report's title), `"quoted
    /// words"` as a phrase; syntax it cannot parse is read as plain words.
    /// A query matching only a report's title yields one hit for that report.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, SearchError> {
        if limit == 0 || query.trim().is_empty() {
            return Ok(Vec::new());
        }
        let (query, _ignored_syntax_errors) = self.parser.parse_query_lenient(query);
        let words = QueryWords::of(query.as_ref(), self.fields.text);
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text)?;
        let searcher = self.reader.searcher();
        let mut hits = Vec::new();
        let mut reports_hit_by_title = HashSet::new();
        // Most searches fill `limit` from the first page; one longer scan
        // serves the rest (hits dropped as repeated title-only matches).
        let mut seen = 0;
        for size in [PAGE_SIZE, MAX_DOCUMENTS_SCANNED] {
            let top = self.top(&searcher, query.as_ref(), size)?;
            for &(score, address) in top.iter().skip(seen) {
                let hit = self.hit(&searcher, address, score, &words, &mut analyzer)?;
                if hit.highlights.is_empty() && !reports_hit_by_title.insert(hit.report_id.clone())
                {
                    continue;
                }
                hits.push(hit);
                if hits.len() == limit {
                    return Ok(hits);
                }
            }
            if top.len() < size {
                break;
            }
            seen = top.len();
        }
        Ok(hits)
    }

    /// The `size` best-scoring sentences.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        size: usize,
    ) -> Result<Vec<(f32, DocAddress)>, SearchError> {
        let collector = TopDocs::with_limit(size).order_by_score();
        Ok(searcher.search(query, &collector)?)
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        words: &QueryWords,
        analyzer: &mut TextAnalyzer,
    ) -> Result<SearchHit, SearchError> {
        let document: TantivyDocument = searcher.doc(address)?;
        let text_of = |field: Field, name: &'static str| {
            document
                .get_first(field)
                .and_then(|value| value.as_str().map(str::to_owned))
                .ok_or(SearchError::MissingField(name))
        };
        let offset_of = |field: Field, name: &'static str| {
            document
                .get_first(field)
                .and_then(|value| value.as_u64())
                .and_then(|value| usize::try_from(value).ok())
                .ok_or(SearchError::MissingField(name))
        };
        let text = text_of(self.fields.text, "text")?;
        let sentence = Span::new(
            offset_of(self.fields.start, "start")?,
            offset_of(self.fields.end, "end")?,
        );
        let highlights = words.highlights(analyzer, &text, sentence.start);
        let first_highlight = highlights.first().map(|h| h.start - sentence.start);
        Ok(SearchHit {
            report_id: text_of(self.fields.report_id, "report_id")?,
            report_title: text_of(self.fields.title, "title")?,
            snippet: snippet_window(&text, first_highlight).to_owned(),
            sentence,
            highlights,
            score,
        })
    }
}
