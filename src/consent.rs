//! The question before a credential goes to an origin nobody chose. The core decides when to
//! ask (`Trust::ask_before`); this holds the page's trust for its life, shows one question at
//! a time, and lets a run wait for the answer. Nothing is sent while it waits.

use crate::state::{Form, Source};
use leptos::prelude::*;
use ords_core::{Credential, PreparedRequest, TransportError, Trust};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

/// One question, as the dialog shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    id: u64,
    pub origin: String,
    /// What would be sent, e.g. "your client secret".
    pub what: &'static str,
    /// Why the page asks: where the address came from.
    pub why: String,
}

#[derive(Default)]
struct Answers {
    next_id: u64,
    given: Vec<(u64, bool)>,
    wakers: Vec<Waker>,
}

/// The page's trust and its open questions.
#[derive(Clone, Copy)]
pub struct Consent {
    trust: StoredValue<Trust>,
    /// Questions waiting for an answer; the dialog shows the first.
    pub asking: RwSignal<Vec<Question>>,
    answers: StoredValue<Arc<Mutex<Answers>>>,
}

struct Answer {
    id: u64,
    answers: Arc<Mutex<Answers>>,
}

impl Future for Answer {
    type Output = bool;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        match answers.given.iter().find(|(id, _)| *id == self.id) {
            Some((_, yes)) => Poll::Ready(*yes),
            None => {
                answers.wakers.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl Consent {
    pub fn new(page_origin: &str) -> Self {
        Self {
            trust: StoredValue::new(Trust::new(page_origin)),
            asking: RwSignal::new(Vec::new()),
            answers: StoredValue::new(Arc::default()),
        }
    }

    /// The person typed or pasted a URL: its origin is theirs if the edit changed it.
    pub fn typed(&self, before: &str, after: &str) {
        self.trust.update_value(|t| t.typed(before, after));
    }

    /// Before sending: `Ok` to send, or `NotSent` when the person answered Cancel.
    pub async fn clear(&self, request: &PreparedRequest, form: Form) -> Result<(), TransportError> {
        loop {
            let Some(ask) = self.trust.with_value(|t| t.ask_before(&request.wire.url, request.credential.as_ref()))
            else {
                return Ok(());
            };
            if let Some(waiting) = self.asking.with_untracked(|q| q.first().map(|q| q.id)) {
                // Another question is open (Compare sends two requests at once): wait for it,
                // then look again; the answer may have been about this same origin.
                let _ = self.wait(waiting).await;
                continue;
            }
            let id = self.answers.with_value(|a| {
                let mut a = a.lock().unwrap_or_else(PoisonError::into_inner);
                a.next_id += 1;
                a.next_id
            });
            let why = why(&ask.credential, &ask.origin, &request.wire.url, form);
            self.asking
                .update(|q| q.push(Question { id, origin: ask.origin.clone(), what: ask.credential.label(), why }));
            if self.wait(id).await {
                self.trust.update_value(|t| t.add(&ask.origin));
            } else {
                return Err(TransportError::NotSent { origin: ask.origin });
            }
        }
    }

    fn wait(&self, id: u64) -> Answer {
        Answer { id, answers: self.answers.get_value() }
    }

    /// The person's answer to the question shown.
    pub fn answer(&self, yes: bool) {
        let Some(question) = self.asking.with_untracked(|q| q.first().cloned()) else { return };
        self.asking.update(|q| q.retain(|x| x.id != question.id));
        if yes {
            self.trust.update_value(|t| t.add(&question.origin));
        }
        self.answers.with_value(|a| {
            let mut a = a.lock().unwrap_or_else(PoisonError::into_inner);
            // Kept (a few), so every request waiting on this question hears the answer.
            a.given.push((question.id, yes));
            if a.given.len() > 16 {
                a.given.remove(0);
            }
            a.wakers.drain(..).for_each(Waker::wake);
        });
    }

    /// Cancel pressed while questions are open: each is answered no.
    pub fn cancel_all(&self) {
        while self.asking.with_untracked(|q| !q.is_empty()) {
            self.answer(false);
        }
    }
}

/// Where the address came from, as the dialog says it.
fn why(credential: &Credential, origin: &str, url: &str, form: Form) -> String {
    if let Credential::AccessToken { issuer: Some(issuer) } = credential {
        return format!("The token was issued by {issuer}; {origin} is another server, which would be able to use it.");
    }
    let source = untrack(|| {
        if form.token_url.get() == url {
            form.token_url_source.get()
        } else if url.starts_with(&form.resource_url.get()) {
            form.resource_url_source.get()
        } else {
            Source::ResponseLink
        }
    });
    format!("You have not typed or confirmed this address in this page: it came from {}.", source.phrase())
}
