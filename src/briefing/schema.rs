//! The JSON Schema of the briefing format, for editors (a YAML language server
//! checks a briefing as it is typed). It is derived from the structs the fast
//! road reads the file into (`fast/`), so it cannot drift from the loader; the
//! tests hold its keys to `rules::keys` and `assets/` to this output.

/// The schema as pretty-printed JSON, as committed in `assets/briefing.schema.json`.
pub fn json() -> String {
    let schema = schemars::schema_for!(super::fast::RawBriefing);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::rules::keys;
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
        assert_eq!(property_names(&defs["Source"]), sorted(keys::SOURCE));
        assert_eq!(property_names(&defs["Nation"]), sorted(keys::NATION));
        assert_eq!(property_names(&defs["Quote"]), sorted(keys::QUOTE));
        assert_eq!(property_names(&defs["Comment"]), sorted(keys::COMMENT));
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
            required(&schema["$defs"]["Quote"]),
            sorted(&["speaker", "text"])
        );
        assert_eq!(required(&schema["$defs"]["Comment"]), sorted(&["text"]));
        assert_eq!(required(&schema["$defs"]["Nation"]), sorted(&["name"]));
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
