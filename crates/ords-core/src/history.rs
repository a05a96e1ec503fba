//! Runs remembered for re-running: the settings (never secrets) and how the run went.

use crate::config::PlaygroundConfig;
use crate::encode::{form_body, parse_form};
use crate::flow::TimelineEntry;
use crate::run::Button;

/// The most runs kept.
pub const HISTORY_LIMIT: usize = 50;

/// One past run: the form's non-secret settings, the button, and how it went.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    pub number: u32,
    pub at_ms: f64,
    /// The button that started it.
    pub action: Button,
    pub config: PlaygroundConfig,
    pub summary: String,
}

impl RunRecord {
    /// One line of text for storage: the record as form-encoded pairs, the settings nested.
    pub fn to_line(&self) -> String {
        let (number, at) = (self.number.to_string(), (self.at_ms.round() as i64).to_string());
        form_body(&[
            ("n", &number),
            ("at", &at),
            ("action", self.action.key()),
            ("summary", &self.summary),
            ("params", &self.config.to_fragment()),
        ])
    }

    /// Reads a stored line back; None for anything that is not one.
    pub fn from_line(line: &str) -> Option<Self> {
        let pairs = parse_form(line)?;
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        Some(Self {
            number: get("n")?.parse().ok()?,
            // Whole milliseconds, as written; read as an integer (a float parser would add
            // its code to the page).
            at_ms: get("at")?.parse::<i64>().ok()? as f64,
            action: Button::parse(get("action")?)?,
            summary: get("summary")?.to_owned(),
            config: PlaygroundConfig::from_fragment(get("params")?).config,
        })
    }
}

/// Adds a run in front, dropping the oldest beyond the limit.
pub fn remember(history: &mut Vec<RunRecord>, record: RunRecord) {
    history.insert(0, record);
    history.truncate(HISTORY_LIMIT);
}

/// `Token request 200 OK · Resource call 200 OK · 84 ms`: each exchange's outcome and the
/// run's total time.
pub fn run_summary(timeline: &[TimelineEntry]) -> String {
    if timeline.is_empty() {
        return "nothing sent (the settings had problems)".to_owned();
    }
    let mut parts: Vec<String> = timeline
        .iter()
        .map(|e| {
            let outcome = e.exchange.outcome();
            format!("{} {outcome}", e.purpose.label())
        })
        .collect();
    let total: f64 = timeline.iter().filter_map(|e| e.exchange.result.as_ref().ok()).map(|r| r.elapsed_ms).sum();
    parts.push(crate::format_ms(total));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(number: u32) -> RunRecord {
        RunRecord {
            number,
            at_ms: 1_700_000_000_123.0,
            action: Button::CallApi,
            config: PlaygroundConfig {
                flow: crate::config::Flow::Basic,
                resource_url: "https://h/ords/a/e/?q={\"x\":1}&y".into(),
                ..Default::default()
            },
            summary: "Resource call 200 OK · 84 ms".into(),
        }
    }

    #[test]
    fn a_record_survives_its_stored_line_exactly() {
        let line = record(7).to_line();
        assert_eq!(
            line,
            "n=7&at=1700000000123&action=call_api&summary=Resource+call+200+OK+%C2%B7+84+ms\
             &params=flow%3Dbasic%26resource_url%3Dhttps%253A%252F%252Fh%252Fords%252Fa%252Fe%252F%253Fq%253D%257B%252\
             2x%2522%253A1%257D%2526y"
        );
        assert_eq!(RunRecord::from_line(&line), Some(record(7)));
        assert_eq!(RunRecord::from_line("n=x&at=1"), None);
        let older = "n=1&at=5&action=Get+token&summary=s&params=flow%3Dbasic";
        assert_eq!(
            RunRecord::from_line(older).map(|r| (r.action, r.config.flow)),
            Some((Button::GetToken, crate::config::Flow::Basic))
        );
    }

    #[test]
    fn a_summary_names_each_exchange_and_the_total_time() {
        use crate::{basic_request, BasicSettings, Exchange, HttpResponse, Password, Purpose, Received, ResourceCall};
        use crate::{Step, TimedBy, TransportError};
        let settings = BasicSettings { username: "u".into(), password: Password::new("p") };
        let request = basic_request(&ResourceCall::get("https://h/ords/a/e/"), &settings).unwrap();
        let response =
            HttpResponse { status: 401, reason: "Unauthorized".into(), headers: vec![], body: String::new() };
        let received = Received { response, elapsed_ms: 40.4, timed_by: TimedBy::PageClock, received_at_ms: 0.0 };
        let answered = Exchange { step: Step::Resource, request: request.clone(), result: Ok(received) };
        let failed =
            Exchange { step: Step::Resource, request: request.clone(), result: Err(TransportError::Cancelled) };
        let entries = [
            TimelineEntry { purpose: Purpose::Resource, exchange: answered },
            TimelineEntry { purpose: Purpose::ResourceRetry, exchange: failed },
        ];
        assert_eq!(
            run_summary(&entries),
            "Resource call 401 Unauthorized · Resource call again, with the new token no response · 40 ms"
        );
        assert_eq!(run_summary(&[]), "nothing sent (the settings had problems)");
        let redirected = Err(TransportError::Redirected { target: None, preflight: false });
        let redirected = Exchange { step: Step::Resource, request, result: redirected };
        assert_eq!(redirected.outcome(), "redirected (not followed)");
    }

    #[test]
    fn history_keeps_the_newest_fifty() {
        let mut history = Vec::new();
        for n in 1..=55 {
            remember(&mut history, record(n));
        }
        assert_eq!(history.len(), HISTORY_LIMIT);
        assert_eq!((history[0].number, history[49].number), (55, 6));
    }
}
