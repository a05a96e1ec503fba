use super::*;
use crate::config::PlaygroundConfig;
use crate::mcp::Hop;

fn run(flow: Flow, exchanges: &[(Purpose, Option<u16>)], findings: &[FindingId]) -> RunEvidence {
    RunEvidence { flow, exchanges: exchanges.to_vec(), findings: findings.to_vec(), mcp: Vec::new() }
}

fn walk(hops: &[(Hop, bool)]) -> RunEvidence {
    RunEvidence { mcp: hops.to_vec(), ..RunEvidence::default() }
}

#[test]
fn each_mark_is_met_by_its_run_and_not_by_its_near_misses() {
    use Purpose::*;
    let token_ok = run(Flow::OAuth2, &[(Token, Some(200))], &[]);
    let token_401 = run(Flow::OAuth2, &[(Token, Some(401))], &[FindingId::Token401]);
    let bearer = run(Flow::OAuth2, &[(Token, Some(200)), (Resource, Some(200))], &[]);
    let bearer_401 = run(Flow::OAuth2, &[(Token, Some(200)), (Resource, Some(401))], &[FindingId::NoRole]);
    let basic = run(Flow::Basic, &[(Resource, Some(200))], &[]);
    let compare = run(Flow::Compare, &[(Token, Some(200)), (Resource, Some(200)), (BasicCall, Some(200))], &[]);
    let compare_half = run(Flow::Compare, &[(Token, Some(200)), (Resource, Some(200)), (BasicCall, Some(401))], &[]);
    let refetched = run(Flow::OAuth2, &[(TokenAfterExpiry, Some(200)), (Resource, Some(200))], &[]);
    let retried =
        run(Flow::OAuth2, &[(Resource, Some(401)), (TokenAfter401, Some(200)), (ResourceRetry, Some(200))], &[]);
    let refetch_failed = run(Flow::OAuth2, &[(TokenAfterExpiry, Some(200)), (Resource, Some(555))], &[]);
    let no_response = run(Flow::OAuth2, &[(Token, None)], &[FindingId::TokenCors]);
    let par = run(Flow::Par, &[(Resource, Some(200))], &[]);
    let par_401 = run(Flow::Par, &[(Resource, Some(401))], &[FindingId::ParRefused]);

    let walked = walk(&Hop::ALL.map(|h| (h, true)));
    let audience = walk(&[(Hop::Challenge, true), (Hop::Token, true), (Hop::TokenCheck, false)]);
    let no_metadata = walk(&[(Hop::Challenge, true), (Hop::ResourceMetadata, false)]);
    let cases: [(Mark, &[&RunEvidence], &[&RunEvidence]); 11] = [
        (Mark::McpPassed(Hop::ToolsList), &[&walked], &[&audience, &no_metadata, &bearer]),
        (Mark::McpStopped(Hop::TokenCheck), &[&audience], &[&walked, &no_metadata, &bearer_401]),
        (Mark::TokenOk, &[&token_ok, &bearer, &refetched], &[&token_401, &basic, &no_response, &par]),
        (Mark::BearerOk, &[&bearer, &compare, &retried], &[&token_ok, &bearer_401, &basic, &par]),
        (Mark::ParOk, &[&par], &[&par_401, &bearer, &basic, &compare]),
        (Mark::Named(&[FindingId::ParRefused]), &[&par_401], &[&par, &bearer_401]),
        (Mark::BasicOk, &[&basic, &compare], &[&bearer, &compare_half, &token_ok]),
        (Mark::ComparedOk, &[&compare], &[&compare_half, &bearer, &basic]),
        (Mark::RefetchedOk, &[&refetched, &retried], &[&bearer, &refetch_failed, &token_ok]),
        (Mark::Named(&[FindingId::Token401]), &[&token_401], &[&token_ok, &bearer_401]),
        (Mark::Named(&[FindingId::TokenCors, FindingId::ResourceCors]), &[&no_response], &[&token_401, &bearer]),
    ];
    for (mark, right, wrong) in cases {
        for r in right {
            assert!(mark.met_by(r), "{mark:?} should be met by {r:?}");
        }
        for w in wrong {
            assert!(!mark.met_by(w), "{mark:?} should not be met by {w:?}");
        }
    }
}

#[test]
fn the_path_is_whole_and_its_stages_are_settings_the_page_reads() {
    let mut ids: Vec<&str> = Vec::new();
    let mut minutes = 0;
    for lesson in &LESSONS {
        assert!(!ids.contains(&lesson.id), "lesson ids are unique: {}", lesson.id);
        ids.push(lesson.id);
        minutes += u32::from(lesson.minutes);
        let stage = PlaygroundConfig::from_fragment(lesson.stage);
        assert!(stage.ignored.is_empty(), "{}: {:?}", lesson.id, stage.ignored);
        assert!(!lesson.steps.is_empty());
        let mut steps: Vec<&str> = Vec::new();
        for step in lesson.steps {
            assert!(!steps.contains(&step.id), "{}: step ids are unique", lesson.id);
            steps.push(step.id);
            assert!(!step.marks.is_empty() && !step.hints.is_empty(), "{}/{}", lesson.id, step.id);
            for mark in step.marks {
                assert!(!mark.describe().is_empty());
            }
        }
        if let Some(scenario) = lesson.scenario {
            assert_eq!(scenario, lesson.id, "a scenario's lesson has the scenario's name");
        }
    }
    assert!((60..=90).contains(&minutes), "a 60-90 minute workshop: {minutes}");
    assert!(lesson("expired-token").is_some() && lesson("nope").is_none());
}
