//! The page's helper: a web worker with what the first screen does not need (the in-page
//! simulated ORDS, the code generators and exports, the diagnosis, scenarios and lessons, JWT
//! checks, catalog and collection reading), started when first needed, so its code is not part
//! of the first load. Each [`Job`] is answered once by a [`Reply`] (the protocol is
//! `ords_core::helper`; the jobs are done in `crates/ords-worker`).

use ords_core::helper::{self, FromHelper, Job, Reply};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Beside the page (relative, so the page works under any path prefix). Trunk writes it.
const LOADER: &str = "./ords-worker_loader.js";

type Answer = Result<Reply, String>;

/// A job's JSON and the long text it carries apart (`ords_core::helper::job_parts`).
type Message = (String, Option<String>);

/// Posts a message: its JSON alone, or `[json, text]` (the text handed over as it is, not
/// escaped into JSON on the page's thread).
fn post(worker: &web_sys::Worker, (json, text): &Message) -> Result<(), JsValue> {
    match text {
        None => worker.post_message(&JsValue::from_str(json)),
        Some(text) => worker.post_message(&js_sys::Array::of2(&JsValue::from_str(json), &JsValue::from_str(text))),
    }
}

#[derive(Default)]
struct Waiting {
    answers: HashMap<u64, Answer>,
    wakers: HashMap<u64, Waker>,
    /// Messages held until the worker says it is ready (earlier ones would be lost).
    queued: Option<Vec<Message>>,
    /// Requests to the in-page ORDS not answered yet: Cancel ends them even while the helper
    /// is still loading.
    requests: Vec<u64>,
}

struct Helper {
    /// None until the start delay has passed.
    worker: Option<web_sys::Worker>,
    waiting: Rc<RefCell<Waiting>>,
    next: u64,
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

fn settle(waiting: &Rc<RefCell<Waiting>>, id: u64, answer: Answer) {
    let mut w = waiting.borrow_mut();
    w.requests.retain(|r| *r != id);
    w.answers.insert(id, answer);
    if let Some(waker) = w.wakers.remove(&id) {
        waker.wake();
    }
}

/// Answers every job still waiting with `why`, and stops and forgets the helper (the next job
/// starts a fresh one).
fn fail_all(waiting: &Rc<RefCell<Waiting>>, why: &str) {
    let ids: Vec<u64> = waiting.borrow().wakers.keys().copied().collect();
    for id in ids {
        settle(waiting, id, Err(why.to_owned()));
    }
    HELPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_some_and(|h| Rc::ptr_eq(&h.waiting, waiting)) {
            if let Some(worker) = slot.take().and_then(|h| h.worker) {
                worker.terminate();
            }
        }
    });
}

/// How long the helper's code may take to arrive: past this, a stalled connection would leave
/// Code, Diagnosis and the in-page simulator waiting for ever.
const LOAD_DEADLINE_MS: u32 = ords_core::STALL_MS;

/// A helper whose jobs are queued in the order asked; its worker starts after the delay.
fn begin() -> Helper {
    let waiting: Rc<RefCell<Waiting>> =
        Rc::new(RefCell::new(Waiting { queued: Some(Vec::new()), ..Default::default() }));
    let mine = Rc::clone(&waiting);
    wasm_bindgen_futures::spawn_local(async move {
        super::clock::sleep(START_DELAY_MS).await;
        let started = HELPER.with(|cell| {
            let mut slot = cell.borrow_mut();
            let helper = slot.as_mut().filter(|h| Rc::ptr_eq(&h.waiting, &mine))?;
            Some(start(&mine).map(|worker| helper.worker = Some(worker)))
        });
        match started {
            Some(Ok(())) => {
                super::clock::sleep(i32::try_from(LOAD_DEADLINE_MS).unwrap_or(i32::MAX)).await;
                if mine.borrow().queued.is_some() {
                    fail_all(
                        &mine,
                        &format!(
                            "The page's helper did not load within {} s (a slow or blocked connection).",
                            LOAD_DEADLINE_MS / 1000
                        ),
                    );
                }
            }
            Some(Err(why)) => fail_all(&mine, &format!("The page's helper could not be started: {why}.")),
            None => {}
        }
    });
    Helper { worker: None, waiting, next: 0 }
}

fn start(waiting: &Rc<RefCell<Waiting>>) -> Result<web_sys::Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(LOADER, &options).map_err(|e| format!("{e:?}"))?;
    let on_answer = {
        let waiting = Rc::clone(waiting);
        let worker = worker.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            match helper::read_answer(&text) {
                Some(FromHelper::Ready) => {
                    let queued = waiting.borrow_mut().queued.take().unwrap_or_default();
                    for message in queued {
                        let _ = post(&worker, &message);
                    }
                }
                // An answer nobody waits for any more (a cancelled request) is dropped.
                Some(FromHelper::Answer { id, answer }) if waiting.borrow().wakers.contains_key(&id) => {
                    settle(&waiting, id, answer);
                }
                _ => {}
            }
        })
    };
    let on_failure = {
        let waiting = Rc::clone(waiting);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            fail_all(&waiting, "The page's helper could not be loaded (offline, or a file is missing).");
        })
    };
    worker.set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    on_answer.forget();
    on_failure.forget();
    Ok(worker)
}

struct Pending {
    id: u64,
    waiting: Rc<RefCell<Waiting>>,
}

impl Future for Pending {
    type Output = Answer;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer> {
        let mut w = self.waiting.borrow_mut();
        match w.answers.remove(&self.id) {
            Some(answer) => Poll::Ready(answer),
            None => {
                w.wakers.insert(self.id, cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// How long after the first job the helper starts loading: the form renders first, and the
/// helper is not part of the first load.
const START_DELAY_MS: i32 = 300;

/// The answer to a job that was sent, or why it could not be. A plain future rather than an
/// `async fn`: every caller shares its one small `poll` instead of inlining a state machine.
pub struct Asked(Result<Pending, String>);

impl Future for Asked {
    type Output = Answer;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer> {
        match &mut self.0 {
            Ok(reply) => Pin::new(reply).poll(cx),
            Err(why) => Poll::Ready(Err(format!("The page's helper could not be started: {why}"))),
        }
    }
}

/// Sends a job to the helper (starting it if needed), now, and returns its answer to await.
/// Jobs reach the helper in the order asked (a simulator reset asked before a request is done
/// before it).
pub fn ask(job: Job) -> Asked {
    let sent = HELPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let helper = slot.get_or_insert_with(begin);
        helper.next += 1;
        let id = helper.next;
        let mut waiting = helper.waiting.borrow_mut();
        if matches!(job, Job::Sim { .. }) {
            waiting.requests.push(id);
        }
        let message = helper::job_parts(id, job);
        match (waiting.queued.as_mut(), &helper.worker) {
            (Some(queue), _) => queue.push(message),
            (None, Some(worker)) => post(worker, &message).map_err(|e| format!("{e:?}"))?,
            (None, None) => return Err("no helper".to_owned()),
        }
        Ok::<_, String>(Pending { id, waiting: Rc::clone(&helper.waiting) })
    });
    Asked(sent)
}

/// Cancel pressed: every request to the in-page ORDS still waiting ends now (its answer, if it
/// comes, is dropped).
pub fn cancel_requests() {
    let Some(waiting) = HELPER.with(|cell| cell.borrow().as_ref().map(|h| Rc::clone(&h.waiting))) else { return };
    let ids = std::mem::take(&mut waiting.borrow_mut().requests);
    for id in ids {
        settle(&waiting, id, Err("cancelled".to_owned()));
    }
}
