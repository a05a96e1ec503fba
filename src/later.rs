//! Code the first screen does not need, split out of the first load (issue 25): the finer
//! settings and Browse endpoints, the sections under the answers, Lessons, Share, what fills
//! the two answers, the run itself and the background work. Each is behind a split point: with the `lazy` feature (the
//! page's build, `index.html`) its code goes to a chunk of its own that `cargo xtask` builds
//! beside the page (`xtask/src/split.rs`) and the browser fetches on the first call; without
//! it (native tests, `wasm-bindgen-test`) it is a plain async function, so components are tested
//! with what they show.
//!
//! The chunks share the page's memory, signals and Leptos runtime: a split point takes the
//! page's handles (or reads its context) and returns a view or runs. They are fetched
//! as soon as the page has drawn the form ([`start`]); a part needed before its chunk is in
//! waits for it, showing "Loading…", and a run waits for what must happen before it
//! ([`settled`]).

use leptos::prelude::*;

pub use leptos::wasm_split::SplitLoaderError;

/// What a view or a button says while its code is on its way.
pub const LOADING: &str = "Loading…";

/// What a view or a button says when its code could not be fetched (the loader gives up on a
/// stalled chunk after `ords_core::STALL_MS`, 30 s, as the helper's loader does; a native test
/// holds the sentence to it); the next try fetches again.
pub const NOT_LOADED: &str = "This part of the page could not be loaded (offline, a missing file, or a connection \
    stalled for 30 s).";

/// Declares a split point: `split_point!(chunk, preload_name, fn name(args) -> Output { body })`
/// makes `async fn name(args) -> Result<Output, SplitLoaderError>` and
/// `async fn preload_name() -> Result<(), SplitLoaderError>`. Functions naming the same chunk
/// share it.
macro_rules! split_point {
    ($chunk:ident, $preload:ident, $(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty
        $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "lazy")]
        #[leptos::wasm_split::wasm_split(
            $chunk, wasm_split_path = ::leptos::wasm_split, preload(#[allow(dead_code)] $preload), fallible
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::later::SplitLoaderError> {
            Ok($body)
        }
        $(#[$doc])*
        #[cfg(not(feature = "lazy"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, $crate::later::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(not(feature = "lazy"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), $crate::later::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use split_point;

thread_local! {
    // Reference-counted, not in the arena: they outlive whichever view first reads them.
    static STARTED: ArcRwSignal<bool> = ArcRwSignal::new(!cfg!(feature = "lazy"));
    // Counts chunks that arrived: a view whose chunk failed tries again when another arrives.
    static ARRIVED: ArcRwSignal<u32> = ArcRwSignal::new(0);
    static BACKGROUND: ArcRwSignal<bool> = ArcRwSignal::new(!cfg!(feature = "lazy"));
}

/// Whether the page has begun fetching its later code (always, without the `lazy` feature).
pub fn started() -> bool {
    STARTED.with(ArcRwSignal::get)
}

/// Begins fetching the later code: the views waiting for it render as their chunks arrive, and
/// `preload` fetches the chunks no view shows (the run, the background work).
pub fn start(preload: impl FnOnce() + 'static) {
    STARTED.with(|s| s.set(true));
    preload();
}

/// The page's background work has begun (or its code could not be fetched).
pub fn background_begun() {
    BACKGROUND.with(|b| b.set(true));
}

/// Resolves once `ready` (which reads signals) is true: woken by the signals it reads, never
/// by a timer.
async fn until(ready: impl Fn() -> bool + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::task::{Poll, Waker};
    if untrack(&ready) {
        return;
    }
    let state: Rc<RefCell<(bool, Option<Waker>)>> = Rc::default();
    let woken = Rc::clone(&state);
    let effect = Effect::new(move || {
        if ready() {
            let mut s = woken.borrow_mut();
            s.0 = true;
            if let Some(waker) = s.1.take() {
                waker.wake();
            }
        }
    });
    std::future::poll_fn(|cx| {
        let mut s = state.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await;
    effect.stop();
}

/// Waits until the background work has begun: a run never overtakes the simulator's scenario.
pub async fn settled() {
    until(|| BACKGROUND.with(ArcRwSignal::get)).await;
}

/// A chunk arrived (after a view or a press fetched it).
pub fn arrived() {
    ARRIVED.with(|a| a.update(|n| *n = n.wrapping_add(1)));
}

/// Tracks [`arrived`]: call in an effect to hear of each.
pub fn track_arrivals() {
    ARRIVED.with(ArcRwSignal::track);
}

/// Resolves once another chunk has arrived (after a failure: a Retry, or the network back).
pub async fn next_arrival() {
    let seen = ARRIVED.with(ArcRwSignal::get_untracked);
    until(move || ARRIVED.with(ArcRwSignal::get) != seen).await;
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sentence_names_the_one_stall_limit() {
        let seconds = format!("stalled for {} s", ords_core::STALL_MS / 1000);
        assert!(super::NOT_LOADED.contains(&seconds), "{}", super::NOT_LOADED);
    }
}
