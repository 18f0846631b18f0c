//! Running one operation over many items on a few threads, with a progress bar on stderr
//! when it is a terminal. Every item runs, whatever happens to the others.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

use indicatif::{ProgressBar, ProgressStyle};

/// Runs `work` on every item, `concurrency` at a time, and returns the results in the
/// items' order. `label` names the step on the progress bar.
pub fn run_all<I: Sync, T: Send>(
    items: &[I],
    concurrency: u16,
    label: &str,
    work: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let bar = progress_bar(items.len(), label);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new(items.iter().map(|_| None).collect());
    let workers = usize::from(concurrency).clamp(1, items.len().max(1));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(index) else { break };
                let result = work(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(result);
                bar.inc(1);
            });
        }
    });
    bar.finish_and_clear();
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

/// A bar for `len` items on stderr, or a hidden one when stderr is not a terminal (or there
/// is only one item), so that scripts and logs stay clean.
fn progress_bar(len: usize, label: &str) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_owned());
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_runs_once_and_results_keep_the_order() {
        let items: Vec<u32> = (0..50).collect();
        let calls = AtomicUsize::new(0);
        let results = run_all(&items, 7, "test", |n| {
            calls.fetch_add(1, Ordering::Relaxed);
            if n % 5 == 0 {
                Err(*n)
            } else {
                Ok(n * 2)
            }
        });
        assert_eq!(calls.load(Ordering::Relaxed), 50);
        assert_eq!(results.len(), 50);
        assert_eq!(results[3], Ok(6));
        assert_eq!(results[10], Err(10));
    }

    #[test]
    fn no_items_is_no_results() {
        let results: Vec<u8> = run_all(&[] as &[u8], 4, "test", |n| *n);
        assert!(results.is_empty());
    }
}
