//! No body can make the viewer's layout panic or grow without bound: arbitrary text, and text
//! made mostly of JSON's own punctuation (deep nesting, unclosed strings, stray escapes).

use body_lines::{check_json, BodyLines, MAX_DEPTH, ROW_BYTES};
use proptest::prelude::*;

fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(vec!["[", "]", "{", "}", "\"", ",", ":", "\\", "\\u", "1", "true", " ", "\n",
            "é", "\"k\":"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
        1 => (1usize..3000).prop_map(|n| "[".repeat(n)),
        1 => (1usize..3000).prop_map(|n| "x".repeat(n)),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn bounded(lines: &BodyLines, input: &str) {
    let copy = lines.to_text();
    // Each row adds at most a newline and its capped indentation.
    let limit = input.len() * 2 + lines.len() * (2 * MAX_DEPTH + 1) + 16;
    assert!(copy.len() <= limit, "{} bytes from {} bytes", copy.len(), input.len());
    for i in 0..lines.len().min(200) as u32 {
        let row = lines.display(i);
        assert!(row.len() <= ROW_BYTES + 2 * MAX_DEPTH + 4, "a row stays a row");
        lines.folds(i);
        lines.enclosing(i);
    }
    let all = lines.visible(&lines.inner_openers());
    assert!(all.len() <= lines.len());
    lines.find("e", 50);
    lines.find("É", 50);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_body_lays_out_bounded(input in jsonish()) {
        let _ = check_json(&input);
        bounded(&BodyLines::json(&input), &input);
        bounded(&BodyLines::text(&input), &input);
    }

    #[test]
    fn laid_out_in_steps_of_any_size_it_is_the_same(input in jsonish(), step in 0usize..12) {
        let mut steps = BodyLines::json_in_steps(&input);
        let mut calls = 0;
        let lines = loop {
            calls += 1;
            prop_assert!(calls <= input.len() + 2, "it always moves on");
            if let Some(lines) = steps.step(&input, step) {
                break lines;
            }
        };
        prop_assert_eq!(lines, BodyLines::json(&input));
        prop_assert!(steps.step(&input, step).is_none(), "given once");
    }

    #[test]
    fn arbitrary_unicode_too(input in any::<String>()) {
        let _ = check_json(&input);
        bounded(&BodyLines::json(&input), &input);
        bounded(&BodyLines::text(&input), &input);
    }

    #[test]
    fn json_that_serde_reads_within_the_depth_limit_is_json_here(value in json_value()) {
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(check_json(&text), Ok(()));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(check_json(&pretty), Ok(()));
        // Laid out, it is the same JSON, numbers spelled as they were.
        let laid_out = BodyLines::json(&text).to_text();
        let read = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        prop_assert_eq!(read(&laid_out), read(&text));
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}
