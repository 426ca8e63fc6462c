//! The JSON Schema of the briefing format, generated from types that mirror the file.
//!
//! These types exist only to describe the file to editors (a YAML language server
//! validates briefings as they are typed); the loader does not use them. A test
//! checks that their keys match the loader's and that `assets/` holds this schema.

use schemars::JsonSchema;

/// A briefing file, format version 1.
#[derive(JsonSchema)]
#[schemars(title = "brief briefing")]
#[allow(dead_code)]
struct BriefingFile {
    /// Must be `brief/1`.
    #[schemars(extend("const" = "brief/1"))]
    format: String,
    /// Stable identity; reading state and notes are kept under it.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), length(max = 64))]
    id: String,
    /// The headline.
    title: String,
    /// A second line under the headline.
    subtitle: Option<String>,
    /// Where the article came from.
    source: Option<SourceFile>,
    /// Where the events took place.
    location: Option<String>,
    /// Free-form labels.
    tags: Option<Vec<String>>,
    /// Paragraphs of plain text, in order, reflowed to the pane's width.
    #[schemars(length(min = 1))]
    summary: Vec<String>,
    /// The points a reader must take away.
    key_points: Option<Vec<String>>,
    /// The nations the article concerns.
    nations: Option<Vec<NationFile>>,
    /// Quotes, grouped by speaker in the reader.
    quotes: Option<Vec<QuoteFile>>,
    /// How many comments the source said it had; may exceed the number present.
    #[schemars(range(min = 0))]
    comments_reported: Option<u64>,
    /// The top level of the reader-comment tree.
    comments: Option<Vec<CommentFile>>,
}

/// Where the article came from; every key is optional.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct SourceFile {
    /// The publication's name.
    publication: Option<String>,
    /// The article's author.
    author: Option<String>,
    /// A line or two about the author.
    author_bio: Option<String>,
    /// Where the article can be read; shown, never followed.
    url: Option<String>,
    /// The publication date.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    published: Option<String>,
}

/// A member nation.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct NationFile {
    /// The nation's name.
    name: String,
    /// ISO 3166-1 alpha-2 code.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    code: Option<String>,
    /// A remark about this nation's part.
    note: Option<String>,
}

/// A quote; `text` and `speaker` are required.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct QuoteFile {
    /// Unique among the quotes; derived from the position (`q3`) when absent.
    id: Option<String>,
    /// Who said it; quotes are grouped by this, compared exactly.
    speaker: String,
    /// The speaker's position.
    role: Option<String>,
    /// Where or when it was said.
    context: Option<String>,
    /// The words, verbatim.
    text: String,
}

/// A reader comment and its replies.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct CommentFile {
    /// Unique among the comments; derived from the position (`c2.1.4`) when absent.
    id: Option<String>,
    /// The comment's words.
    text: String,
    /// Who wrote it.
    author: Option<String>,
    /// When it was posted.
    posted: Option<String>,
    /// Replies, nested to any depth.
    replies: Option<Vec<CommentFile>>,
}

/// The schema as pretty-printed JSON, as committed in `assets/briefing.schema.json`.
pub fn json() -> String {
    let schema = schemars::schema_for!(BriefingFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::check::keys;
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(&super::json()).expect("schema is JSON")
    }

    fn property_names(object: &Value) -> Vec<String> {
        let mut names: Vec<String> = object["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn schema_keys_are_the_keys_the_loader_knows() {
        let schema = schema();
        let defs = &schema["$defs"];
        assert_eq!(property_names(&schema), sorted(keys::BRIEFING));
        assert_eq!(property_names(&defs["SourceFile"]), sorted(keys::SOURCE));
        assert_eq!(property_names(&defs["NationFile"]), sorted(keys::NATION));
        assert_eq!(property_names(&defs["QuoteFile"]), sorted(keys::QUOTE));
        assert_eq!(property_names(&defs["CommentFile"]), sorted(keys::COMMENT));
    }

    #[test]
    fn schema_requires_what_the_format_requires() {
        let schema = schema();
        let required = |v: &Value| {
            let mut r: Vec<String> = v["required"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| s.as_str().unwrap_or("").to_owned())
                        .collect()
                })
                .unwrap_or_default();
            r.sort();
            r
        };
        assert_eq!(
            required(&schema),
            sorted(&["format", "id", "title", "summary"])
        );
        assert_eq!(
            required(&schema["$defs"]["QuoteFile"]),
            sorted(&["speaker", "text"])
        );
        assert_eq!(required(&schema["$defs"]["CommentFile"]), sorted(&["text"]));
        assert_eq!(required(&schema["$defs"]["NationFile"]), sorted(&["name"]));
    }

    #[test]
    fn committed_schema_matches_the_types() {
        let committed = include_str!("../../assets/briefing.schema.json");
        assert_eq!(
            committed,
            super::json(),
            "assets/briefing.schema.json is stale: run `brief schema > assets/briefing.schema.json`"
        );
    }
}
