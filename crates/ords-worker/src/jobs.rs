//! The helper's jobs: one function from a [`Job`] to its [`Reply`], so they are tested
//! natively. The protocol and its JSON are `ords_core::helper`'s; here each job is done: the
//! in-page ORDS (`sim`, `sim_reset`, answered as a browser on the page's origin would see it),
//! scenarios and lessons, the diagnosis, JWT profiles and identity providers, Browse
//! endpoints, code and Postman collections.

use ords_core::helper::{self, CodeJob, Job, LessonInfo, ProviderNotes, Reply, ScenarioInfo};
use ords_core::lessons::{self, RunEvidence, LESSONS};
use ords_core::{
    catalog, cors_fixes, diagnose_inputs, diagnose_run, jwt_profile, BrowserToken, CollectionPage, Provider,
};
use ords_core::{
    export_postman, export_postman_environment, generate, import_postman, BasicSettings, CodeInput, CodeTarget,
    OAuthSettings, Plan, ResourceCall,
};
use ords_sim::browser::{fetch_as_browser, follow_without_credentials};
use ords_sim::{scenarios, Sim, SimConfig};
use std::cell::RefCell;

thread_local! {
    static SIM: RefCell<Option<Sim>> = const { RefCell::new(None) };
}

/// The scenario a job names, if it is one (an empty name or `healthy` is the demo).
fn scenario_of(name: &str) -> Result<Option<&'static scenarios::Scenario>, String> {
    match name {
        "" | "healthy" => Ok(None),
        name => scenarios::find(name).map(Some).ok_or_else(|| format!("unknown scenario {name:?}")),
    }
}

/// Answers one message, with the text that came apart from it (`now_ms` and `random` come
/// from the worker's clock and `Math.random`).
pub fn answer(message: &str, text: Option<String>, now_ms: f64, random: f64) -> String {
    let (id, job) = helper::read_job_parts(message, text);
    helper::answer_message(id, &job.and_then(|job| run(job, now_ms, random)))
}

fn run(job: Job, now_ms: f64, random: f64) -> Result<Reply, String> {
    Ok(match job {
        Job::Sim { request, origin, scenario } => SIM.with(|cell| {
            let mut slot = cell.borrow_mut();
            let fresh = || fresh(&origin, scenario_of(&scenario).ok().flatten(), now_ms, random);
            let sim = slot.get_or_insert_with(fresh);
            match fetch_as_browser(sim, &request, &origin, now_ms as u64) {
                // An opaque redirect (status 0): the page learns where it leads as a browser
                // would, by a GET without credentials.
                Ok(r) if r.status == 0 => {
                    Reply::SimRedirected(follow_without_credentials(sim, &request.url, &origin, now_ms as u64))
                }
                answer => Reply::Sim(answer),
            }
        }),
        Job::SimReset { origin, scenario } => {
            let scenario = scenario_of(&scenario)?;
            SIM.with(|cell| *cell.borrow_mut() = Some(fresh(&origin, scenario, now_ms, random)));
            Reply::Done
        }
        // The JWT scenarios need the identity provider, which only ords-sim has.
        Job::Scenarios => Reply::Scenarios(
            scenarios::SCENARIOS
                .iter()
                .filter(|s| !s.jwt)
                .map(|s| ScenarioInfo { name: s.name.into(), failure: s.failure.into(), try_it: s.try_it.into() })
                .collect(),
        ),
        Job::Lessons => Reply::Lessons(LESSONS.iter().map(LessonInfo::of).collect()),
        Job::LessonCheck { lesson, step, evidence } => {
            let lesson = lessons::lesson(&lesson).ok_or("unknown lesson")?;
            let step = lesson.steps.iter().find(|s| s.id == step).ok_or("unknown step")?;
            Reply::Marks(step.marks_met(&RunEvidence::from_text(&evidence)))
        }
        Job::DiagnoseInputs(inputs) => Reply::Findings(diagnose_inputs(&inputs)),
        Job::DiagnoseRun { inputs, timeline, facts } => Reply::Findings(diagnose_run(&inputs, &timeline, facts)),
        Job::CorsFixes { origin, resource_url, client_id } => {
            Reply::CorsFixes(cors_fixes(&origin, &resource_url, &client_id))
        }
        Job::JwtCheck { token, profile, jwks } => {
            Reply::Findings(ords_core::check_jwt(&token, &profile, (now_ms / 1000.0) as i64, &jwks))
        }
        Job::JwtPrefill { token } => Reply::Profile(jwt_profile::prefill(&token)),
        Job::JwtSql { profile, pattern } => Reply::Text(jwt_profile::jwt_profile_sql(&profile, &pattern)),
        Job::Providers => Reply::Providers(Provider::ALL.iter().map(|p| provider_notes(*p)).collect()),
        Job::CatalogEntries { text } => Reply::CatalogEntries(catalog::parse_metadata_catalog(&text)?),
        Job::OpenapiEndpoints { text } => Reply::Endpoints(catalog::parse_openapi(&text)?),
        Job::Code { target, from } => Reply::Text(code(target, &from)),
        Job::PostmanExport(from) => Reply::Text(with_input(&from, |input| export_postman(&Plan::new(input)))),
        Job::PostmanEnvironment(from) => {
            Reply::Text(with_input(&from, |input| export_postman_environment(&Plan::new(input))))
        }
        Job::PostmanImport { text } => Reply::Imported(Box::new(import_postman(&text)?)),
        Job::ReadPaste { text } => Reply::Pasted(Box::new(ords_core::read_paste(&text))),
        Job::CollectionPage { text } => Reply::CollectionPage(CollectionPage::parse(&text)),
        Job::Ping => Reply::Done,
    })
}

/// The demo ORDS, allowing the page's origin (as an instructor would configure it), then
/// changed by the scenario (which may take that origin away again).
fn fresh(origin: &str, scenario: Option<&scenarios::Scenario>, now_ms: f64, random: f64) -> Sim {
    let mut config = SimConfig::demo();
    config.set_origins(&[origin.to_owned()]);
    if let Some(scenario) = scenario {
        scenario.apply(&mut config);
    }
    let seed = (random * 9_007_199_254_740_992.0) as u64 ^ now_ms as u64;
    Sim::new(config, seed)
}

fn provider_notes(provider: Provider) -> ProviderNotes {
    let (blocked, says) = match provider.browser() {
        BrowserToken::Blocked(s) => (true, s),
        BrowserToken::Allowed(s) | BrowserToken::Unknown(s) => (false, s),
    };
    ProviderNotes { provider, where_to_find: provider.where_to_find().into(), blocked, says: says.into() }
}

/// The code generators' input, built from what the page sent.
fn with_input<T>(from: &CodeJob, write: impl FnOnce(&CodeInput<'_>) -> T) -> T {
    let config = &from.config;
    let (secret, password) = from.secrets.clone().unwrap_or_default();
    let oauth = OAuthSettings {
        token_url: config.token_url.clone(),
        client_id: config.client_id.clone(),
        client_secret: secret,
        client_auth: config.client_auth,
        encode_credentials: config.encode_credentials,
        scope: config.scope.clone(),
        extra: config.extra.clone(),
    };
    let basic = BasicSettings { username: config.username.clone(), password };
    let call = ResourceCall {
        url: config.resource_url.clone(),
        method: config.method,
        headers: from.headers.clone(),
        body: from.body.clone(),
    };
    let placement = config.placement();
    write(&CodeInput {
        flow: config.flow,
        oauth: &oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: from.secrets.is_some(),
        page_origin: &from.page_origin,
    })
}

/// The code for a target; with a JWT profile described, the setup also creates it.
fn code(target: CodeTarget, from: &CodeJob) -> String {
    let mut out = with_input(from, |input| generate(target, input));
    let config = &from.config;
    if target == CodeTarget::SetupSql && !config.jwt.issuer.is_empty() {
        let pattern = jwt_profile::privilege_pattern(&config.resource_url);
        out.push('\n');
        out.push_str(&jwt_profile::jwt_profile_sql(&config.jwt, &pattern));
    }
    out
}

#[cfg(test)]
mod hostile_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use ords_core::helper::{read_answer, FromHelper};
    use ords_core::{ClientSecret, HttpRequest, Password, PlaygroundConfig};

    fn ask(job: Job) -> Result<Reply, String> {
        let (message, text) = helper::job_parts(3, job);
        match read_answer(&answer(&message, text, 1.8e12, 0.5)) {
            Some(FromHelper::Answer { id: 3, answer }) => answer,
            other => panic!("{other:?}"),
        }
    }

    const ORIGIN: &str = "http://127.0.0.1:8080";

    fn token_request() -> Job {
        let request = HttpRequest::new("POST", "http://127.0.0.1:8181/ords/demo/oauth/token")
            .with_header("Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==")
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_body("grant_type=client_credentials");
        Job::Sim { request, origin: ORIGIN.into(), scenario: String::new() }
    }

    fn reset(scenario: &str) -> Result<Reply, String> {
        ask(Job::SimReset { origin: ORIGIN.into(), scenario: scenario.into() })
    }

    #[test]
    fn the_simulator_answers_as_a_browser_on_the_page_would_see_it() {
        let token = ask(token_request()).and_then(Reply::sim).unwrap().unwrap();
        assert_eq!(token.status, 200);
        assert!(token.body.contains("\"token_type\":\"bearer\""));
        let elsewhere = HttpRequest::new("GET", "https://elsewhere/x");
        let refused = ask(Job::Sim { request: elsewhere, origin: ORIGIN.into(), scenario: String::new() });
        let why = refused.and_then(Reply::sim).unwrap().unwrap_err();
        assert!(why.contains("no Access-Control-Allow-Origin"), "{why}");
        assert!(reset("").unwrap().done().is_ok());
    }

    #[test]
    fn scenarios_and_lessons_come_from_their_crates_and_reset_the_simulator() {
        let listed = ask(Job::Scenarios).and_then(Reply::scenarios).unwrap();
        let without_jwt = scenarios::SCENARIOS.iter().filter(|s| !s.jwt).count();
        assert_eq!(listed.len(), without_jwt, "no JWT scenario: no identity provider here");
        let status = || ask(token_request()).and_then(Reply::sim).unwrap().unwrap().status;
        assert!(reset("rotated-secret").is_ok());
        assert_eq!(status(), 401, "the demo secret was rotated away");
        assert!(reset("healthy").is_ok());
        assert_eq!(status(), 200);
        assert_eq!(reset("nope").unwrap_err(), "unknown scenario \"nope\"");
        // Every lesson's scenario is one the simulator has.
        for lesson in ask(Job::Lessons).and_then(Reply::lessons).unwrap() {
            if !lesson.scenario.is_empty() {
                assert!(scenarios::find(&lesson.scenario).is_some(), "{}", lesson.scenario);
            }
            assert!(!lesson.steps[0].marks[0].is_empty());
        }
        let rotated = lessons::lesson("rotated-secret").unwrap();
        assert!(
            rotated.steps[1].hints.iter().any(|h| h.contains(scenarios::ROTATED_SECRET)),
            "the hint gives the new secret"
        );
        let met = |step: &str, evidence: &str| {
            let job = Job::LessonCheck { lesson: "first-token".into(), step: step.into(), evidence: evidence.into() };
            ask(job).and_then(Reply::marks)
        };
        assert_eq!(met("get-token", "flow=oauth2&x=token%3A200"), Ok(vec![true]));
        assert_eq!(met("get-token", "flow=oauth2&x=token%3A401&f=token-401"), Ok(vec![false]));
        assert_eq!(met("x", ""), Err("unknown step".into()));
    }

    #[test]
    fn jwt_jobs_check_prefill_and_write_sql() {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
        let claims = concat!(
            r#"{"iss":"https://acme.auth0.com/","aud":["api","https://acme.auth0.com/userinfo"],"#,
            r#""scope":"hr.read","exp":1800000300}"#
        );
        let token = format!("{}.{}.c2ln", URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#), URL_SAFE_NO_PAD.encode(claims));
        let profile = ask(Job::JwtPrefill { token: token.clone() }).and_then(Reply::profile).unwrap().unwrap();
        assert_eq!(profile.audience, "api");
        assert_eq!(profile.jwk_url, "https://acme.auth0.com/.well-known/jwks.json");
        let check = Job::JwtCheck { token, profile: profile.clone(), jwks: Default::default() };
        let found = ask(check).and_then(Reply::findings).unwrap();
        assert_eq!(found[0].id.key(), "jwt-audience-array");
        let sql = ask(Job::JwtSql { profile, pattern: "/hr/*".into() }).and_then(Reply::text).unwrap();
        assert!(sql.contains("ORDS_SECURITY.CREATE_JWT_PROFILE("), "{sql}");
        let providers = ask(Job::Providers).and_then(Reply::providers).unwrap();
        assert_eq!((providers[2].provider.key(), providers[2].blocked), ("entra", true));
    }

    #[test]
    fn code_is_written_from_the_settings_and_the_secrets_only_when_asked() {
        let from = |secrets: bool| CodeJob {
            config: PlaygroundConfig { client_id: "abc..".into(), ..Default::default() },
            secrets: secrets.then(|| (ClientSecret::new("s3"), Password::new("pw"))),
            ..Default::default()
        };
        let code =
            |secrets: bool| ask(Job::Code { target: CodeTarget::Curl, from: from(secrets) }).and_then(Reply::text);
        let text = code(true).unwrap();
        assert!(text.contains("CLIENT_SECRET='s3'") && text.contains("--user 'abc..:'"), "{text}");
        assert!(!code(false).unwrap().contains("s3'"));
        let collection = ask(Job::PostmanExport(from(false))).and_then(Reply::text).unwrap();
        let back = ask(Job::PostmanImport { text: collection }).and_then(Reply::imported).unwrap();
        assert_eq!(back.config.unwrap().client_id, "abc..");
        assert!(ask(Job::PostmanImport { text: "nope".into() }).unwrap_err().starts_with("Not JSON"));
    }
}
