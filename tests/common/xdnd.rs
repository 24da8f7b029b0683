//! Dragging files from "a file manager" onto the app's window, as X11 does it:
//! the XDND protocol (version 5) spoken by a small window of the test's own.
//! The app's toolkit sees a real drag of `text/uri-list` over its window and
//! a real drop, so the window's own drag-and-drop events reach the page.
//!
//! [`drag_files`] enters the window and hovers over its middle (serving the
//! file list whenever the app asks for it) until [`Drag::release`] drops.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, CLIENT_MESSAGE_EVENT, ClientMessageEvent, ConnectionExt, CreateWindowAux,
    EventMask, PropMode, SELECTION_NOTIFY_EVENT, SelectionNotifyEvent, SelectionRequestEvent,
    Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

/// A drag in progress over the app's window.
pub struct Drag {
    release: Sender<()>,
    thread: JoinHandle<Result<(), String>>,
}

impl Drag {
    /// Drops the files and waits until the app says it has taken them.
    pub fn release(self) -> Result<(), String> {
        let _ = self.release.send(());
        self.thread
            .join()
            .map_err(|_| "the drag's thread panicked".to_string())?
    }
}

/// Starts dragging `files` over the middle of the window of process `pid`.
pub fn drag_files(pid: u32, files: Vec<PathBuf>) -> Drag {
    let (release, released) = channel();
    let thread = std::thread::spawn(move || Source::new(pid, &files)?.run(&released));
    Drag { release, thread }
}

struct Atoms {
    aware: Atom,
    enter: Atom,
    position: Atom,
    status: Atom,
    drop: Atom,
    finished: Atom,
    leave: Atom,
    selection: Atom,
    copy: Atom,
    uri_list: Atom,
}

/// The test's side of the drag: its own window, the app's, the list to serve.
struct Source {
    conn: RustConnection,
    atoms: Atoms,
    own: Window,
    target: Window,
    /// The middle of the target, in root coordinates.
    at: (i16, i16),
    uris: String,
}

/// How long the app has to answer each step of the drag.
const ANSWER: Duration = Duration::from_secs(20);

impl Source {
    fn new(pid: u32, files: &[PathBuf]) -> Result<Source, String> {
        let (conn, screen) = x11rb::connect(None).map_err(|e| e.to_string())?;
        let root = conn.setup().roots[screen].root;
        let atom = |name: &str| -> Result<Atom, String> {
            Ok(conn
                .intern_atom(false, name.as_bytes())
                .map_err(|e| e.to_string())?
                .reply()
                .map_err(|e| e.to_string())?
                .atom)
        };
        let atoms = Atoms {
            aware: atom("XdndAware")?,
            enter: atom("XdndEnter")?,
            position: atom("XdndPosition")?,
            status: atom("XdndStatus")?,
            drop: atom("XdndDrop")?,
            finished: atom("XdndFinished")?,
            leave: atom("XdndLeave")?,
            selection: atom("XdndSelection")?,
            copy: atom("XdndActionCopy")?,
            uri_list: atom("text/uri-list")?,
        };
        let target = window_of(&conn, root, pid, atom("_NET_WM_PID")?, atoms.aware)?;
        let geometry = conn
            .get_geometry(target)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let middle = conn
            .translate_coordinates(target, root, 0, 0)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let at = (
            middle.dst_x + (geometry.width / 2) as i16,
            middle.dst_y + (geometry.height / 2) as i16,
        );
        let own = conn.generate_id().map_err(|e| e.to_string())?;
        conn.create_window(
            0,
            own,
            root,
            -10,
            -10,
            1,
            1,
            0,
            WindowClass::INPUT_ONLY,
            0,
            &CreateWindowAux::new(),
        )
        .map_err(|e| e.to_string())?;
        conn.set_selection_owner(own, atoms.selection, x11rb::CURRENT_TIME)
            .map_err(|e| e.to_string())?;
        let uris = files
            .iter()
            .map(|f| format!("file://{}\r\n", uri_path(f)))
            .collect();
        Ok(Source {
            conn,
            atoms,
            own,
            target,
            at,
            uris,
        })
    }

    /// Enters, hovers until released, drops once the window accepts the
    /// files, and waits for the app's "finished".
    fn run(self, released: &Receiver<()>) -> Result<(), String> {
        let version = 5u32 << 24;
        self.send(
            self.atoms.enter,
            [self.own, version, self.atoms.uri_list, 0, 0],
        )?;
        let mut accepted = false;
        // When the release was asked for, and when the drop was sent.
        let mut release: Option<Instant> = None;
        let mut dropped = false;
        let mut last_position: Option<Instant> = None;
        loop {
            while let Some(event) = self.conn.poll_for_event().map_err(|e| e.to_string())? {
                match event {
                    Event::SelectionRequest(request) => self.serve(&request)?,
                    Event::ClientMessage(m) if m.type_ == self.atoms.status => {
                        accepted = m.data.as_data32()[1] & 1 == 1;
                    }
                    Event::ClientMessage(m) if m.type_ == self.atoms.finished => return Ok(()),
                    _ => {}
                }
            }
            if release.is_none() && !matches!(released.try_recv(), Err(TryRecvError::Empty)) {
                release = Some(Instant::now());
            }
            if !dropped && release.is_some() && accepted {
                self.send(self.atoms.drop, [self.own, 0, 0, 0, 0])?;
                dropped = true;
            }
            // A file manager tells the position again as the pointer moves.
            if !dropped && last_position.is_none_or(|t| t.elapsed() > Duration::from_millis(100)) {
                let (x, y) = self.at;
                let xy = ((x as u32) << 16) | (y as u16 as u32);
                self.send(self.atoms.position, [self.own, 0, xy, 0, self.atoms.copy])?;
                last_position = Some(Instant::now());
            }
            if release.is_some_and(|t| t.elapsed() > ANSWER) {
                if !dropped {
                    self.send(self.atoms.leave, [self.own, 0, 0, 0, 0])?;
                }
                let what = if dropped {
                    "finish the drop"
                } else {
                    "accept the files"
                };
                return Err(format!("the window did not {what}"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends an XDND message to the app's window.
    fn send(&self, kind: Atom, data: [u32; 5]) -> Result<(), String> {
        let event = ClientMessageEvent {
            response_type: CLIENT_MESSAGE_EVENT,
            format: 32,
            sequence: 0,
            window: self.target,
            type_: kind,
            data: data.into(),
        };
        self.conn
            .send_event(false, self.target, EventMask::NO_EVENT, event)
            .map_err(|e| e.to_string())?;
        self.conn.flush().map_err(|e| e.to_string())
    }

    /// Gives the app the list of files it asked for.
    fn serve(&self, request: &SelectionRequestEvent) -> Result<(), String> {
        let given = request.target == self.atoms.uri_list;
        if given {
            self.conn
                .change_property8(
                    PropMode::REPLACE,
                    request.requestor,
                    request.property,
                    self.atoms.uri_list,
                    self.uris.as_bytes(),
                )
                .map_err(|e| e.to_string())?;
        }
        let notify = SelectionNotifyEvent {
            response_type: SELECTION_NOTIFY_EVENT,
            sequence: 0,
            time: request.time,
            requestor: request.requestor,
            selection: request.selection,
            target: request.target,
            property: if given {
                request.property
            } else {
                AtomEnum::NONE.into()
            },
        };
        self.conn
            .send_event(false, request.requestor, EventMask::NO_EVENT, notify)
            .map_err(|e| e.to_string())?;
        self.conn.flush().map_err(|e| e.to_string())
    }
}

/// The shown top-level window of process `pid` that takes drops.
fn window_of(
    conn: &RustConnection,
    root: Window,
    pid: u32,
    net_wm_pid: Atom,
    aware: Atom,
) -> Result<Window, String> {
    let children = conn
        .query_tree(root)
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?
        .children;
    for window in children {
        let property = |name: Atom, kind: AtomEnum| {
            conn.get_property(false, window, name, kind, 0, 1)
                .ok()
                .and_then(|c| c.reply().ok())
                .and_then(|r| r.value32().and_then(|mut v| v.next()))
        };
        if property(net_wm_pid, AtomEnum::CARDINAL) == Some(pid)
            && property(aware, AtomEnum::ATOM).is_some()
        {
            return Ok(window);
        }
    }
    Err(format!("no window of process {pid} takes drops"))
}

/// A path as a `file://` URI writes it: every byte but the unreserved ones escaped.
fn uri_path(path: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|&b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
