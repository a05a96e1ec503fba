use super::*;

const PAGE: &str = r#"{"items":[{"id":1,"name":"King"},{"id":2,"name":"Kochhar"}],"count":2,"links":[]}"#;

fn pretty(json: &str) -> BodyLines {
    BodyLines::json(json)
}

fn shown(lines: &BodyLines, collapsed: &[u32]) -> Vec<String> {
    let set = collapsed.iter().copied().collect();
    lines.visible(&set).into_iter().map(|i| lines.display(i)).collect()
}

#[test]
fn json_lines_know_their_depth_and_closers() {
    let lines = pretty(PAGE);
    let texts: Vec<String> = (0..lines.len() as u32).map(|i| lines.display(i)).collect();
    assert_eq!(
        texts,
        [
            "{",
            "  \"items\": [",
            "    {",
            "      \"id\": 1,",
            "      \"name\": \"King\"",
            "    },",
            "    {",
            "      \"id\": 2,",
            "      \"name\": \"Kochhar\"",
            "    }",
            "  ],",
            "  \"count\": 2,",
            "  \"links\": []",
            "}",
        ]
    );
    assert_eq!((lines.line(0).close, lines.line(1).close, lines.line(2).close, lines.line(6).close), (13, 10, 5, 9));
    assert_eq!(lines.line(4).depth, 3);
    assert!(!lines.folds(12), "an empty array stays on one line and does not fold");
    assert_eq!(lines.inner_openers().into_iter().collect::<Vec<_>>(), [1, 2, 6]);
}

#[test]
fn folding_hides_a_block_down_to_its_closer() {
    let lines = pretty(PAGE);
    assert_eq!(shown(&lines, &[1]), ["{", "  \"items\": [", "  \"count\": 2,", "  \"links\": []", "}"]);
    assert_eq!(shown(&lines, &[2]).len(), 14 - 3);
    assert_eq!(shown(&lines, &[0]), ["{"]);
    assert_eq!(shown(&lines, &[]).len(), 14);
}

#[test]
fn a_match_inside_folds_names_every_enclosing_opener() {
    let lines = pretty(PAGE);
    assert_eq!(lines.find("KOCHHAR", 10), [8]);
    assert_eq!(lines.enclosing(8), [6, 1, 0]);
    assert_eq!(lines.find("id", 10), [3, 7], "ASCII case is ignored");
    assert_eq!(lines.find("id", 1), [3], "at most the limit");
    assert_eq!(lines.find("", 10), Vec::<u32>::new());
}

#[test]
fn non_ascii_text_is_found_ignoring_case() {
    let lines = BodyLines::text("Ärger\nstraße\nÄRGER");
    assert_eq!(lines.find("ärger", 10), [0, 2]);
}

#[test]
fn long_text_lines_become_rows_cut_on_character_boundaries() {
    let long = "é".repeat(ROW_BYTES); // 2 bytes each: 2000 bytes in two rows
    let text = format!("short\n{long}\n");
    let lines = BodyLines::text(&text);
    assert_eq!(lines.len(), 4, "short, two rows, and the empty line after the last newline");
    assert_eq!(lines.line_text(0), "short");
    assert_eq!(lines.line_text(1).len(), ROW_BYTES);
    assert_eq!(format!("{}{}", lines.line_text(1), lines.line_text(2)), long);
    assert_eq!(lines.line_text(3), "");
    let odd = BodyLines::text(&format!("a{}", "é".repeat(ROW_BYTES)));
    assert_eq!(odd.line_text(0).len(), ROW_BYTES - 1, "a cut never splits a character");
}

#[test]
fn indentation_is_not_stored_but_shown_and_copied() {
    let lines = pretty(PAGE);
    assert_eq!(lines.line_text(4), "\"name\": \"King\"");
    assert_eq!(lines.indent(4), 6);
    assert_eq!(lines.to_text(), BodyLines::json(&lines.to_text()).to_text(), "laying out twice changes nothing");
    assert!(lines.to_text().starts_with("{\n  \"items\": [\n    {\n      \"id\": 1,"));
}

#[test]
fn deep_nesting_costs_no_more_than_its_size() {
    let deep = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
    assert_eq!(check_json(&deep), Err(JsonError::TooDeep));
    let lines = BodyLines::json(&deep);
    assert_eq!(lines.len(), 60_000 - 1, "one row per bracket, the innermost pair on one");
    let stored: usize = (0..lines.len() as u32).map(|i| lines.line_text(i).len()).sum();
    assert!(stored <= deep.len());
    assert_eq!(lines.indent(29_000), 2 * MAX_DEPTH, "indentation stops growing");
    assert!(lines.to_text().len() < deep.len() * (2 * MAX_DEPTH + 2));
}

#[test]
fn a_long_json_line_is_cut_into_rows_that_copy_back_whole() {
    let long = format!("{{\"a\":\"{}\",\"b\":[1,2]}}", "x".repeat(2500));
    let lines = BodyLines::json(&long);
    assert_eq!(lines.len(), 1 + 3 + 4 + 1, "opener, the string in three rows, the array, closer");
    assert!(lines.line(2).continued && lines.line(3).continued && !lines.line(1).continued);
    assert_eq!(lines.line(0).close, 8);
    assert_eq!(lines.to_text(), format!("{{\n  \"a\": \"{}\",\n  \"b\": [\n    1,\n    2\n  ]\n}}", "x".repeat(2500)));
}

#[test]
fn the_json_check_is_strict() {
    for ok in ["{}", "[]", " 1 ", "-0.5e+3", "\"\\u00e9\\n\"", "{\"a\":[true,false,null]}", "[[[]]]"] {
        assert_eq!(check_json(ok), Ok(()), "{ok}");
    }
    assert_eq!(check_json("{\"a\":1,}"), Err(JsonError::Unexpected { line: 1, column: 8 }));
    assert_eq!(check_json("[1,\n 2"), Err(JsonError::Truncated));
    assert_eq!(check_json("{\"text\": "), Err(JsonError::Truncated));
    assert_eq!(check_json("[01]"), Err(JsonError::Unexpected { line: 1, column: 3 }));
    assert_eq!(check_json("\"a\nb\""), Err(JsonError::Unexpected { line: 1, column: 3 }));
    assert_eq!(check_json("1 2"), Err(JsonError::Unexpected { line: 1, column: 3 }));
    assert_eq!(check_json(""), Err(JsonError::Truncated));
    let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert_eq!(check_json(&at_limit), Ok(()));
    assert_eq!(check_json(&format!("[{at_limit}]")), Err(JsonError::TooDeep));
    assert_eq!(JsonError::TooDeep.to_string(), "nested deeper than 128 levels");
}

#[test]
fn rows_past_the_end_are_empty_not_a_panic() {
    let lines = BodyLines::text("one");
    assert_eq!((lines.line_text(7), lines.indent(7), lines.folds(7)), ("", 0, false));
    assert!(lines.enclosing(99).is_empty());
}
