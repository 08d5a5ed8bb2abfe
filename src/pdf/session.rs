//! One Chromium for a whole run, driven over the DevTools protocol on a
//! pipe (`--remote-debugging-pipe`): Chromium reads commands on fd 3 and
//! writes replies and events on fd 4, each a JSON message ended by a NUL.
//! Starting Chromium costs about a second; printing a page in a running one,
//! a tenth of that, so a class set of 60 pages is printed in seconds.
//!
//! Every wait has a deadline, so a browser that hangs never hangs mediaquiz;
//! the browser is stopped and reaped, and its profile removed, on every path.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, PipeWriter, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::bank::Lang;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::render::Paper;

/// How long Chromium may take to start, or to open and print one page.
pub(super) const TIMEOUT: Duration = Duration::from_secs(60);

/// Tabs printing at once: two keep two cores busy (one lays out a page while
/// the other's is printed); more only add memory.
const TABS: usize = 2;

/// How long a finished Chromium is given to close by itself before it is
/// killed.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// A running Chromium with one tab, printing page after page.
pub(super) struct Session {
    child: Child,
    chromium: PathBuf,
    /// Commands to Chromium (its fd 3); `None` once closed.
    commands: Option<PipeWriter>,
    /// Replies and events from Chromium (its fd 4), read by a thread so that
    /// every wait can have a deadline.
    replies: Receiver<Value>,
    next_id: u64,
    /// The tabs' sessions, to which page commands are sent.
    tabs: Vec<String>,
    /// Loaders (unique to each page opened) whose page has fired its `load`
    /// event, and whose tab has not yet printed it.
    loaded: HashSet<String>,
    timeout: Duration,
    /// Set when Chromium failed or hung: it is then killed at once, not
    /// asked to close.
    broken: bool,
    /// Chromium's standard error, for the last line of an error message.
    stderr: PathBuf,
    /// Profile and standard error; declared last, so removed after the
    /// child is reaped (in `drop`).
    _dir: TempDir,
}

/// Where a tab is in printing its page (an index into the pages).
#[derive(Debug, Clone)]
enum Step {
    Idle,
    /// `Page.navigate` sent as command `call`.
    Navigating {
        page: usize,
        call: u64,
        deadline: Instant,
    },
    /// Opened by `loader`; waiting for its `load` event.
    Loading {
        page: usize,
        loader: String,
        deadline: Instant,
    },
    /// `Page.printToPDF` sent as command `call`.
    Printing {
        page: usize,
        call: u64,
        deadline: Instant,
    },
}

impl Step {
    fn page_and_deadline(&self) -> Option<(usize, Instant)> {
        match *self {
            Step::Idle => None,
            Step::Navigating { page, deadline, .. }
            | Step::Loading { page, deadline, .. }
            | Step::Printing { page, deadline, .. } => Some((page, deadline)),
        }
    }
}

/// What Chromium was doing when it failed, for the error message.
enum Doing<'a> {
    Starting,
    Printing(&'a Path),
}

impl Session {
    /// Starts `chromium` and opens the tab; fails if it does not answer
    /// within `timeout`.
    pub(super) fn start(chromium: &Path, timeout: Duration) -> Result<Session> {
        let dir = tempfile::tempdir().map_err(|source| Error::Write {
            path: std::env::temp_dir(),
            source,
        })?;
        let stderr = dir.path().join("stderr.txt");
        let stderr_file = File::create(&stderr).map_err(|source| Error::Write {
            path: stderr.clone(),
            source,
        })?;
        let pipe_error = |source| Error::Write {
            path: PathBuf::from("pipe to Chromium"),
            source,
        };
        let (child_reads, commands) = std::io::pipe().map_err(pipe_error)?;
        let (replies_end, child_writes) = std::io::pipe().map_err(pipe_error)?;

        let mut command = Command::new(chromium);
        command
            .args(super::FLAGS)
            .arg("--remote-debugging-pipe")
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr_file);
        if super::running_as_root() {
            // Chromium refuses to start as root with its sandbox on.
            command.arg("--no-sandbox");
        }
        let (reads, writes) = (child_reads.as_raw_fd(), child_writes.as_raw_fd());
        // SAFETY: between fork and exec the closure calls only `fcntl` and
        // `dup2`, which are async-signal-safe, and allocates nothing.
        unsafe {
            command.pre_exec(move || {
                // Copied above 10 first: either end may already be fd 3 or 4,
                // which the other `dup2` would close. The copies close on exec;
                // fds 3 and 4 made by `dup2` stay open.
                let reads = libc::fcntl(reads, libc::F_DUPFD_CLOEXEC, 10);
                let writes = libc::fcntl(writes, libc::F_DUPFD_CLOEXEC, 10);
                if reads < 0 || writes < 0 || libc::dup2(reads, 3) < 0 || libc::dup2(writes, 4) < 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().map_err(|source| Error::ExternalProgram {
            program: chromium.display().to_string(),
            problem: super::not_started(chromium, &source),
            advice: super::not_started_advice(),
        })?;
        // Only Chromium keeps its ends: its replies pipe then ends when it quits.
        drop((child_reads, child_writes));

        let (send, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(replies_end);
            let mut message = Vec::new();
            loop {
                message.clear();
                match reader.read_until(0, &mut message) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if message.last() == Some(&0) {
                            message.pop();
                        }
                        // A message that is not JSON is no reply we wait for.
                        if let Ok(value) = serde_json::from_slice(&message)
                            && send.send(value).is_err()
                        {
                            break;
                        }
                    }
                }
            }
        });

        let mut session = Session {
            child,
            chromium: chromium.to_owned(),
            commands: Some(commands),
            replies,
            next_id: 1,
            tabs: Vec::new(),
            loaded: HashSet::new(),
            timeout,
            broken: false,
            stderr,
            _dir: dir,
        };
        let deadline = Instant::now() + timeout;
        let doing = Doing::Starting;
        for tab in 0..TABS {
            let target = session.call(
                None,
                "Target.createTarget",
                json!({ "url": "about:blank" }),
                deadline,
                &doing,
            )?;
            let target = session.field(&target, "targetId", &doing)?;
            let attached = session.call(
                None,
                "Target.attachToTarget",
                json!({ "targetId": target, "flatten": true }),
                deadline,
                &doing,
            )?;
            let id = session.field(&attached, "sessionId", &doing)?;
            session.tabs.push(id);
            session.call(Some(tab), "Page.enable", json!({}), deadline, &doing)?;
            // Lifecycle events name their loader, so the `load` awaited is
            // the page's own and never the blank tab's.
            session.call(
                Some(tab),
                "Page.setLifecycleEventsEnabled",
                json!({ "enabled": true }),
                deadline,
                &doing,
            )?;
        }
        Ok(session)
    }

    /// Prints every page of `pages` on `paper` (unless a page's CSS names
    /// its own size) and returns their PDFs, in order. The tabs work at
    /// once, each opening a page, waiting for its `load`, printing it, then
    /// taking the next: Chromium lays out one page while it prints another.
    /// Each page has `timeout` from when its tab opens it.
    pub(super) fn print_all(&mut self, pages: &[&Path], paper: Paper) -> Result<Vec<Vec<u8>>> {
        let (width, height) = match paper {
            Paper::A4 => (210.0 / 25.4, 297.0 / 25.4),
            Paper::Letter => (8.5, 11.0),
        };
        let print = json!({
            "paperWidth": width,
            "paperHeight": height,
            "preferCSSPageSize": true,
            "printBackground": true,
            "displayHeaderFooter": false,
        });
        let mut printed: Vec<Option<Vec<u8>>> = vec![None; pages.len()];
        let mut steps = vec![Step::Idle; self.tabs.len()];
        let mut queue = pages.iter().enumerate();
        loop {
            for (tab, step) in steps.iter_mut().enumerate() {
                if !matches!(step, Step::Idle) {
                    continue;
                }
                let Some((page, html)) = queue.next() else {
                    break;
                };
                let absolute = html.canonicalize().map_err(|source| Error::Read {
                    path: html.to_path_buf(),
                    source,
                })?;
                let doing = Doing::Printing(html);
                let url = json!({ "url": super::file_url(&absolute) });
                let call = self.send(Some(tab), "Page.navigate", url, &doing)?;
                let deadline = Instant::now() + self.timeout;
                *step = Step::Navigating {
                    page,
                    call,
                    deadline,
                };
            }
            // The page that has waited longest bounds the wait.
            let Some(due) = steps
                .iter()
                .filter_map(Step::page_and_deadline)
                .min_by_key(|(_, deadline)| *deadline)
            else {
                break;
            };
            let (page, deadline) = due;
            let mut reply = self.next(deadline, &Doing::Printing(pages[page]))?;
            let answered = reply.get("id").and_then(Value::as_u64);
            for (tab, step) in steps.iter_mut().enumerate() {
                match *step {
                    Step::Navigating {
                        page,
                        call,
                        deadline,
                    } if answered == Some(call) => {
                        let doing = Doing::Printing(pages[page]);
                        let result = self.result(&mut reply, "Page.navigate", &doing)?;
                        if let Some(problem) = result.get("errorText").and_then(Value::as_str) {
                            let what = Text::new(
                                format!("n’a pas pu l’ouvrir ({problem})"),
                                format!("could not open it ({problem})"),
                            );
                            return Err(self.failure(&doing, what));
                        }
                        let loader = self.field(&result, "loaderId", &doing)?;
                        *step = Step::Loading {
                            page,
                            loader,
                            deadline,
                        };
                    }
                    Step::Printing { page, call, .. } if answered == Some(call) => {
                        let doing = Doing::Printing(pages[page]);
                        let result = self.result(&mut reply, "Page.printToPDF", &doing)?;
                        let data = self.field(&result, "data", &doing)?;
                        let pdf = base64::engine::general_purpose::STANDARD
                            .decode(data)
                            .map_err(|e| {
                                self.failure(
                                    &doing,
                                    Text::new(
                                        format!("a envoyé un PDF qui n’est pas en base64 ({e})"),
                                        format!("sent a PDF that is not base64 ({e})"),
                                    ),
                                )
                            })?;
                        printed[page] = Some(pdf);
                        *step = Step::Idle;
                    }
                    _ => {}
                }
                // A load may come before the reply that names its loader.
                if let Step::Loading {
                    page,
                    ref loader,
                    deadline,
                } = *step
                    && self.loaded.remove(loader)
                {
                    let doing = Doing::Printing(pages[page]);
                    let call = self.send(Some(tab), "Page.printToPDF", print.clone(), &doing)?;
                    *step = Step::Printing {
                        page,
                        call,
                        deadline,
                    };
                }
            }
        }
        Ok(printed.into_iter().flatten().collect())
    }

    /// Sends a command (to tab `to`, or to the browser) and waits for its
    /// reply.
    fn call(
        &mut self,
        to: Option<usize>,
        method: &str,
        params: Value,
        deadline: Instant,
        doing: &Doing<'_>,
    ) -> Result<Value> {
        let id = self.send(to, method, params, doing)?;
        loop {
            let mut reply = self.next(deadline, doing)?;
            if reply.get("id").and_then(Value::as_u64) == Some(id) {
                return self.result(&mut reply, method, doing);
            }
        }
    }

    /// Sends a command (to tab `to`, or to the browser); returns its id.
    fn send(
        &mut self,
        to: Option<usize>,
        method: &str,
        params: Value,
        doing: &Doing<'_>,
    ) -> Result<u64> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(tab) = to.and_then(|t| self.tabs.get(t)) {
            message["sessionId"] = Value::String(tab.clone());
        }
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        let sent = match self.commands.as_mut() {
            Some(commands) => commands.write_all(&bytes).is_ok(),
            None => false,
        };
        if !sent {
            // Chromium has closed its end: it quit.
            return Err(self.failure(doing, Text::new("s’est arrêté", "quit")));
        }
        Ok(id)
    }

    /// The result of `reply` to `method`, or the error it reports.
    fn result(&mut self, reply: &mut Value, method: &str, doing: &Doing<'_>) -> Result<Value> {
        if let Some(error) = reply.get("error") {
            let said = error.get("message").and_then(Value::as_str).unwrap_or("?");
            let what = Text::new(
                format!("a refusé `{method}` ({said})"),
                format!("refused `{method}` ({said})"),
            );
            return Err(self.failure(doing, what));
        }
        Ok(reply.get_mut("result").map(Value::take).unwrap_or_default())
    }

    /// The next message from Chromium, noting the page loads it reports.
    fn next(&mut self, deadline: Instant, doing: &Doing<'_>) -> Result<Value> {
        let wait = deadline.saturating_duration_since(Instant::now());
        let message = match self.replies.recv_timeout(wait) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => {
                let secs = self.timeout.as_secs_f64();
                let what = Text::new(
                    format!("n’a pas répondu en {secs} s"),
                    format!("did not answer within {secs} s"),
                );
                return Err(self.failure(doing, what));
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(self.failure(doing, Text::new("s’est arrêté", "quit")));
            }
        };
        if message.get("method").and_then(Value::as_str) == Some("Page.lifecycleEvent") {
            let params = &message["params"];
            if params.get("name").and_then(Value::as_str) == Some("load")
                && let Some(loader) = params.get("loaderId").and_then(Value::as_str)
            {
                self.loaded.insert(loader.to_owned());
            }
        }
        Ok(message)
    }

    /// A reply's string `field`.
    fn field(&mut self, reply: &Value, field: &str, doing: &Doing<'_>) -> Result<String> {
        match reply.get(field).and_then(Value::as_str) {
            Some(value) => Ok(value.to_owned()),
            None => Err(self.failure(
                doing,
                Text::new(
                    format!("a répondu sans `{field}`"),
                    format!("answered without a `{field}`"),
                ),
            )),
        }
    }

    /// The error for Chromium having done `what` while `doing`; marks the
    /// session broken, so that it is killed rather than asked to close.
    fn failure(&mut self, doing: &Doing<'_>, what: Text) -> Error {
        self.broken = true;
        let chromium = self.chromium.display();
        let said = std::fs::read_to_string(&self.stderr).unwrap_or_default();
        let (said_fr, said_en) = said
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map(|l| {
                let l = l.trim();
                (format!(" ; il a dit : {l}"), format!("; it said: {l}"))
            })
            .unwrap_or_default();
        let (what_fr, what_en) = (what.get(Lang::Fr), what.get(Lang::En));
        match doing {
            Doing::Starting => Error::ExternalProgram {
                program: chromium.to_string(),
                problem: Text::new(
                    format!("`{chromium}` {what_fr} au début de l’impression{said_fr}"),
                    format!("`{chromium}` {what_en} while starting to print{said_en}"),
                ),
                advice: Text::new(
                    "vérifiez que c’est bien Chromium ou Chrome (version 90 ou plus récente), ou faites pointer `CHROME` vers un autre ; les fichiers HTML sont écrits, imprimez-les depuis n’importe quel navigateur",
                    "check that it is Chromium or Chrome (version 90 or later), or point `CHROME` at another one; the HTML files are written, print them from any browser",
                ),
            },
            Doing::Printing(html) => {
                let page = html.display();
                Error::ExternalProgram {
                    program: chromium.to_string(),
                    problem: Text::new(
                        format!("`{chromium}` {what_fr} en imprimant `{page}`{said_fr}"),
                        format!("`{chromium}` {what_en} while printing `{page}`{said_en}"),
                    ),
                    advice: Text::new(
                        "les fichiers HTML sont écrits : imprimez-les depuis n’importe quel navigateur, ou faites pointer `CHROME` vers un autre Chromium",
                        "the HTML files are written: print them from any browser, or point `CHROME` at another Chromium",
                    ),
                }
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.broken
            && let Some(mut commands) = self.commands.take()
        {
            // Asked to close, Chromium stops its helper processes and lets go
            // of its profile before it exits.
            let _ = commands.write_all(b"{\"id\":0,\"method\":\"Browser.close\"}\0");
            let deadline = Instant::now() + CLOSE_GRACE;
            while Instant::now() < deadline {
                match self.child.try_wait() {
                    Ok(Some(_)) => return,
                    Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                    Err(_) => break,
                }
            }
        }
        // Best effort: it may have exited already.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A "browser" that is a shell script.
    fn script(dir: &Path, body: &str) -> PathBuf {
        let path = dir.join("chromium");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[test]
    fn a_browser_that_never_answers_is_a_clear_error_after_the_timeout() {
        let dir = tempfile::tempdir().unwrap();
        // `exec`, so that the process killed is the one that sleeps.
        let chromium = script(dir.path(), "exec sleep 30");
        let started = Instant::now();
        let error = Session::start(&chromium, Duration::from_millis(300))
            .err()
            .unwrap();
        let message = error.to_string();
        assert!(
            message.contains("did not answer within 0.3 s while starting to print"),
            "{message}"
        );
        assert_eq!(error.exit_code(), 1);
        // Killed, not waited for.
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_browser_that_quits_is_named_with_its_last_words() {
        let dir = tempfile::tempdir().unwrap();
        let chromium = script(dir.path(), "echo 'no display' >&2\nexit 1");
        let message = Session::start(&chromium, TIMEOUT)
            .err()
            .unwrap()
            .to_string();
        assert!(
            message.contains("quit while starting to print"),
            "{message}"
        );
        assert!(message.contains("it said: no display"), "{message}");
    }
}
