//! Every lesson step checked against recorded runs: the run a learner makes to reach the goal
//! (the page's own run code, against the simulator in the lesson's scenario, seen as a browser
//! on the page's origin sees it, then diagnosed) meets the step's marks; a near miss does not.

use ords_core::lessons::{RunEvidence, LESSONS};
use ords_core::{
    diagnose_inputs, diagnose_run, run, BasicSettings, Button, ClientAuth, ClientSecret, Flow, HeldToken, Inputs,
    Method, OAuthSettings, Password, PlaygroundConfig, PreparedRequest, Probe, Received, ResourceCall, RunFacts,
    RunInputs, TimedBy, TokenPlacement, TokenSource, TransportError,
};
use ords_sim::{browser::fetch_as_browser, scenarios, Sim, SimConfig, DEMO_CLIENT_SECRET};
use std::cell::{Cell, RefCell};

mod common;
use common::{block_on, PAGE, T0};

/// One learner's page and the in-page simulator, as the page sets it up for a lesson.
struct Room {
    sim: RefCell<Sim>,
    now: Cell<u64>,
    held: RefCell<Option<HeldToken>>,
    config: PlaygroundConfig,
}

/// What the learner does: the button, and what they changed in the form.
#[derive(Clone, Copy)]
struct Act {
    action: Button,
    flow: Flow,
    secret: &'static str,
    client_id: Option<&'static str>,
    client_auth: ClientAuth,
    password: &'static str,
    refetch: Option<bool>,
    /// Seconds the learner waits before pressing the button.
    wait_s: u64,
    /// The token in Pre-authenticated URL (the flow of that name calls it).
    par_token: &'static str,
}

const GET_TOKEN: Act = Act {
    action: Button::GetToken,
    flow: Flow::OAuth2,
    secret: DEMO_CLIENT_SECRET,
    client_id: None,
    client_auth: ClientAuth::BasicHeader,
    password: "Welcome_1",
    refetch: None,
    wait_s: 0,
    par_token: ords_core::demo::PAR_TOKEN,
};
const CALL: Act = Act { action: Button::CallApi, ..GET_TOKEN };

impl Room {
    fn new(scenario: Option<&str>, stage: &str) -> Self {
        let mut config = SimConfig::demo();
        config.set_origins(&[PAGE.to_owned()]);
        if let Some(name) = scenario {
            scenarios::find(name).expect("a scenario of the simulator").apply(&mut config);
        }
        let settings = PlaygroundConfig::from_fragment(stage).config;
        Self { sim: RefCell::new(Sim::new(config, 9)), now: Cell::new(T0), held: RefCell::new(None), config: settings }
    }

    fn press(&self, act: Act) -> RunEvidence {
        self.now.set(self.now.get() + act.wait_s * 1000);
        let now = self.now.get();
        let c = &self.config;
        let oauth = OAuthSettings {
            token_url: c.token_url.clone(),
            client_id: act.client_id.map_or_else(|| c.client_id.clone(), str::to_owned),
            client_secret: ClientSecret::new(act.secret),
            client_auth: act.client_auth,
            ..Default::default()
        };
        let inputs = RunInputs {
            action: act.action,
            flow: act.flow,
            oauth: oauth.clone(),
            basic: BasicSettings { username: c.username.clone(), password: Password::new(act.password) },
            call: ResourceCall {
                url: if act.flow == Flow::Par {
                    ords_core::demo::par_url().replace(ords_core::demo::PAR_TOKEN, act.par_token)
                } else {
                    c.resource_url.clone()
                },
                method: Method::Get,
                headers: Vec::new(),
                body: String::new(),
            },
            placement: TokenPlacement::default(),
            token: TokenSource::Held(self.held.borrow().clone()),
            refetch: act.refetch.unwrap_or(c.refetch),
            now_ms: now as f64,
        };
        let send = |request: PreparedRequest| {
            let answer = fetch_as_browser(&mut self.sim.borrow_mut(), &request.wire, PAGE, now);
            std::future::ready(match answer {
                Ok(response) => {
                    Ok(Received { response, elapsed_ms: 1.0, timed_by: TimedBy::Simulated, received_at_ms: now as f64 })
                }
                Err(why) => Err(TransportError::FetchFailed { detail: format!("TypeError: Failed to fetch ({why})") }),
            })
        };
        let outcome = block_on(run(&inputs, &send, &|_| {})).expect("the settings are valid");
        if let Some(held) = outcome.token.as_ref().and_then(|t| t.held()) {
            *self.held.borrow_mut() = Some(held);
        }
        let facts = Inputs {
            page_origin: PAGE.into(),
            flow: act.flow,
            token_url: oauth.token_url.clone(),
            resource_url: c.resource_url.clone(),
            client_id: oauth.client_id.clone(),
            client_secret: oauth.client_secret.clone(),
            client_auth: oauth.client_auth,
            method: Method::Get,
            sends_json: false,
            extra_headers: false,
            ..Default::default()
        };
        // As the page does for the in-page simulator: it always answers, so a failed fetch is CORS.
        let failed = outcome.timeline.iter().any(|e| e.exchange.failed_to_fetch());
        let probe = if failed { Probe::ReachableWithoutCors } else { Probe::NotProbed };
        let mut findings = diagnose_inputs(&facts);
        findings.extend(diagnose_run(
            &facts,
            &outcome.timeline,
            RunFacts { probe, token_expired: outcome.sent_expired_token },
        ));
        RunEvidence::from_run(act.flow, &outcome.timeline, &findings)
    }
}

/// Where a near miss is played.
#[derive(Clone, Copy, PartialEq)]
enum MissIn {
    TheLesson,
    /// Where every browser call fails the same way, the miss is the healthy simulator.
    Healthy,
}

/// For each lesson step: what reaches its goal, and a near miss. Each list of acts is played
/// in one fresh room (the last act's run is the one checked).
fn script(lesson: &str, step: &str) -> (Vec<Act>, Vec<Act>, MissIn) {
    let (right, wrong) = acts(lesson, step);
    let miss_in = if lesson == "origin-not-allowed" { MissIn::Healthy } else { MissIn::TheLesson };
    (right, wrong, miss_in)
}

fn acts(lesson: &str, step: &str) -> (Vec<Act>, Vec<Act>) {
    let wrong_secret = Act { secret: "m2Qx7dVbUaE4kR9pLwT1sX..", ..GET_TOKEN };
    let basic = Act { flow: Flow::Basic, ..CALL };
    let rotated = Act { secret: scenarios::ROTATED_SECRET, ..GET_TOKEN };
    let with_dots = Act { client_id: Some("Te8yn-qGmBoX6jzpPhnUXA.."), ..GET_TOKEN };
    let late = |refetch| Act { refetch: Some(refetch), wait_s: 31, ..CALL };
    let in_body = Act { client_auth: ClientAuth::RequestBody, ..GET_TOKEN };
    let par = Act { flow: Flow::Par, ..CALL };
    let par_changed = Act { par_token: "dEmOpAr-9xKq2Lm7Wv4Tx", ..par };
    match (lesson, step) {
        ("first-token", "get-token") => (vec![GET_TOKEN], vec![wrong_secret]),
        ("first-token", "wrong-secret") => (vec![wrong_secret], vec![GET_TOKEN]),
        ("call-api", "bearer") => (vec![CALL], vec![Act { action: Button::CallApi, ..wrong_secret }]),
        ("call-api", "basic") => (vec![basic], vec![CALL]),
        ("call-api", "compare") => {
            (vec![Act { flow: Flow::Compare, ..CALL }], vec![Act { flow: Flow::Compare, password: "nope", ..CALL }])
        }
        ("rotated-secret", "meet") => (vec![GET_TOKEN], vec![rotated]),
        ("rotated-secret", "fix") => (vec![rotated], vec![GET_TOKEN]),
        ("dropped-dots", "meet") => (vec![GET_TOKEN], vec![with_dots]),
        ("dropped-dots", "fix") => (vec![with_dots], vec![GET_TOKEN]),
        ("expired-token", "meet") => (vec![GET_TOKEN, late(false)], vec![GET_TOKEN, Act { wait_s: 10, ..late(false) }]),
        ("expired-token", "fix") => (vec![GET_TOKEN, late(true)], vec![GET_TOKEN, late(false)]),
        ("token-no-cors", "meet") => (vec![GET_TOKEN], vec![basic]),
        ("token-no-cors", "basic") => (vec![basic], vec![CALL]),
        ("html-errors", "diagnose") => (vec![wrong_secret], vec![GET_TOKEN]),
        ("share-without-secret", "call") => (vec![par], vec![par_changed]),
        ("share-without-secret", "refused") => (vec![par_changed], vec![par]),
        ("body-credentials-only", "meet") => (vec![GET_TOKEN], vec![in_body]),
        ("body-credentials-only", "fix") => (vec![in_body], vec![GET_TOKEN]),
        // The token alone is fine here: the cause shows only on the call.
        (_, "diagnose") => (vec![CALL], vec![GET_TOKEN]),
        _ => panic!("no recorded run for {lesson}/{step}: add one"),
    }
}

#[test]
fn every_step_is_met_by_its_goal_and_not_by_a_near_miss() {
    for lesson in LESSONS.iter().filter(|l| l.id != "mcp-client") {
        for step in lesson.steps {
            let (right, wrong, miss_in) = script(lesson.id, step.id);
            let play = |acts: &[Act], scenario: Option<&str>| {
                let room = Room::new(scenario, lesson.stage);
                acts.iter().map(|a| room.press(*a)).last().expect("at least one act")
            };
            let met = play(&right, lesson.scenario);
            let missed = play(&wrong, if miss_in == MissIn::Healthy { None } else { lesson.scenario });
            assert!(step.marks_met(&met).iter().all(|m| *m), "{}/{}: the goal's run {met:?}", lesson.id, step.id);
            assert!(!step.marks_met(&missed).iter().all(|m| *m), "{}/{}: the near miss {missed:?}", lesson.id, step.id);
        }
    }
}

#[test]
fn a_scenario_lesson_s_failure_is_not_met_in_the_healthy_simulator() {
    for lesson in LESSONS.iter().filter(|l| l.scenario.is_some()) {
        let step = &lesson.steps[0];
        let (right, _, _) = script(lesson.id, step.id);
        let healthy = Room::new(None, lesson.stage);
        let run = right.iter().map(|a| healthy.press(*a)).last().expect("an act");
        // dropped-dots is staged in the form, not the simulator: its failure needs no scenario.
        if lesson.id != "dropped-dots" {
            assert!(!step.marks_met(&run).iter().all(|m| *m), "{}: met without its scenario: {run:?}", lesson.id);
        }
    }
}

#[test]
fn the_instructor_s_guide_links_every_lesson_and_scenario() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/workshop.md")).unwrap();
    for lesson in &LESSONS {
        assert!(guide.contains(&format!("`#lesson={}`", lesson.id)), "docs/workshop.md links {}", lesson.id);
        assert!(guide.contains(&format!("| {} | {} |", lesson.title, lesson.minutes)) || guide.contains(lesson.title));
    }
    for scenario in &scenarios::SCENARIOS {
        assert!(guide.contains(&format!("`{}`", scenario.name)), "docs/workshop.md names {}", scenario.name);
    }
    let total: u32 = LESSONS.iter().map(|l| u32::from(l.minutes)).sum();
    assert!(guide.contains(&format!("({total} in all)")), "the guide's total is {total}");
}

/// The MCP lesson's steps, each checked against walks of the simulator's MCP chain: the goal's
/// audience and a near miss.
#[test]
fn the_mcp_lesson_is_met_by_its_walks() {
    let lesson = ords_core::lessons::lesson("mcp-client").expect("the MCP lesson");
    let walked = |audience: &str| RunEvidence::from_mcp(&common::mcp_walk(None, true, audience));
    for (step, right, wrong) in [("walk", "ords-sim-mcp", "another-api"), ("audience", "another-api", "ords-sim-mcp")] {
        let step = lesson.steps.iter().find(|s| s.id == step).expect("the step");
        assert!(step.marks_met(&walked(right)).iter().all(|m| *m), "{}: {right}", step.id);
        assert!(!step.marks_met(&walked(wrong)).iter().all(|m| *m), "{}: {wrong}", step.id);
        // The text the page sends to its helper carries the same.
        assert_eq!(RunEvidence::from_text(&walked(right).to_text()), walked(right));
    }
    assert_eq!(lesson.steps.len(), 2);
}
