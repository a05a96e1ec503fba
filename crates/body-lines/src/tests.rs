use super::*;

const PAGE: &str = r#"{"items":[{"id":1,"name":"King"},{"id":2,"name":"Kochhar"}],"count":2,"links":[]}"#;

fn pretty(json: &str) -> BodyLines {
    BodyLines::json(json)
}

fn shown(lines: &BodyLines, collapsed: &[u32]) -> Vec<String> {
    let set = collapsed.iter().copied().collect();
    lines.visible(&set).into_iter().map(|i| lines.line_text(i).to_owned()).collect()
}

#[test]
fn json_lines_know_their_depth_and_closers() {
    let lines = pretty(PAGE);
    let texts: Vec<&str> = (0..lines.len() as u32).map(|i| lines.line_text(i)).collect();
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
