//! The page's helper: a web worker with the in-page simulated ORDS and the code generators,
//! started when first needed, so its code is not part of the first load. Each job is a JSON
//! message answered once (see `crates/ords-worker`).

use serde_json::{json, Value};
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

type Answer = Result<Value, String>;

#[derive(Default)]
struct Waiting {
    answers: HashMap<u64, Answer>,
    wakers: HashMap<u64, Waker>,
    /// Messages held until the worker says it is ready (earlier ones would be lost).
    queued: Option<Vec<String>>,
}

struct Helper {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<Waiting>>,
    next: u64,
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

fn settle(waiting: &Rc<RefCell<Waiting>>, id: u64, answer: Answer) {
    let mut w = waiting.borrow_mut();
    w.answers.insert(id, answer);
    if let Some(waker) = w.wakers.remove(&id) {
        waker.wake();
    }
}

fn start() -> Result<Helper, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(LOADER, &options).map_err(|e| format!("{e:?}"))?;
    let waiting: Rc<RefCell<Waiting>> =
        Rc::new(RefCell::new(Waiting { queued: Some(Vec::new()), ..Default::default() }));
    let on_answer = {
        let waiting = Rc::clone(&waiting);
        let worker = worker.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let Ok(reply) = serde_json::from_str::<Value>(&text) else { return };
            if reply.get("ready").is_some() {
                let queued = waiting.borrow_mut().queued.take().unwrap_or_default();
                for message in queued {
                    let _ = worker.post_message(&JsValue::from_str(&message));
                }
                return;
            }
            let Some(id) = reply.get("id").and_then(Value::as_u64) else { return };
            let answer = match reply.get("error").and_then(Value::as_str) {
                Some(error) => Err(error.to_owned()),
                None => Ok(reply.get("ok").cloned().unwrap_or(Value::Null)),
            };
            settle(&waiting, id, answer);
        })
    };
    let on_failure = {
        let waiting = Rc::clone(&waiting);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            let ids: Vec<u64> = waiting.borrow().wakers.keys().copied().collect();
            for id in ids {
                settle(
                    &waiting,
                    id,
                    Err("The page's helper could not be loaded (offline, or a file is missing).".into()),
                );
            }
            HELPER.with(|h| h.borrow_mut().take()); // start afresh next time
        })
    };
    worker.set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    on_answer.forget();
    on_failure.forget();
    Ok(Helper { worker, waiting, next: 0 })
}

struct Reply {
    id: u64,
    waiting: Rc<RefCell<Waiting>>,
}

impl Future for Reply {
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

thread_local! {
    static STARTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sends a job to the helper (starting it if needed) and waits for its answer.
pub async fn ask(job: Value) -> Answer {
    if HELPER.with(|h| h.borrow().is_none()) {
        let first = !STARTING.with(|s| s.replace(true));
        // Jobs asked while the page is still coming up wait for it.
        super::clock::sleep(if first { START_DELAY_MS } else { START_DELAY_MS + 1 }).await;
    }
    let sent = HELPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let helper = slot.as_mut().ok_or("no helper")?;
        helper.next += 1;
        let id = helper.next;
        let message = json!({ "id": id, "job": job }).to_string();
        let held = helper.waiting.borrow_mut().queued.as_mut().map(|q| q.push(message.clone())).is_some();
        if !held {
            helper.worker.post_message(&JsValue::from_str(&message)).map_err(|e| format!("{e:?}"))?;
        }
        Ok::<_, String>(Reply { id, waiting: Rc::clone(&helper.waiting) })
    });
    match sent {
        Ok(reply) => reply.await,
        Err(why) => Err(format!("The page's helper could not be started: {why}")),
    }
}
