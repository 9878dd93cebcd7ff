//! The simulated card as a vpcd virtual card: a TCP client of vsmartcard's pcscd driver, so that
//! every PC/SC client (Tessera itself, OpenSC, NSS) sees it in a real reader.
//!
//! Wire protocol (testbed doc §5): frames of a 2-byte big-endian length and that many bytes.
//! From vpcd, 1 byte is a control code (00 power off, 01 power on, 02 reset, 04 get ATR) and
//! 2+ bytes are a command APDU. The card answers GET ATR and APDUs in one write each, never
//! with a 0-length frame, and sets TCP_QUICKACK after every read (else each APDU stalls 40 ms).

use super::SimCard;
use super::engine::Outcome;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// vpcd's default port for slot 0 (slot 1 is 35964).
pub const DEFAULT_ADDR: &str = "127.0.0.1:35963";

/// Why the card left the reader.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// vpcd closed the connection (pcscd stopped).
    ReaderClosed,
    /// A fault removed the card, or the card died mid-command.
    Removed,
    /// Asked to stop.
    Stopped,
}

fn quickack(stream: &TcpStream) {
    #[cfg(target_os = "linux")]
    {
        let _ = socket2::SockRef::from(stream).set_quickack(true);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = stream;
}

fn write_frame(stream: &mut TcpStream, payload: &[u8]) -> io::Result<()> {
    debug_assert!(!payload.is_empty() && payload.len() <= 0xFFFF);
    let mut buf = Vec::with_capacity(payload.len() + 2);
    buf.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    buf.extend_from_slice(payload);
    stream.write_all(&buf)
}

/// Connects to vpcd at `addr`, retrying on "connection refused" for up to `wait`
/// (pcscd may still be starting).
pub fn connect(addr: &str, wait: Duration) -> io::Result<TcpStream> {
    let addr: SocketAddr = addr.parse().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let deadline = Instant::now() + wait;
    loop {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
            Ok(s) => {
                s.set_nodelay(true)?;
                return Ok(s);
            }
            Err(e) if Instant::now() < deadline && e.kind() == io::ErrorKind::ConnectionRefused => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Serves `card` on an established vpcd connection until vpcd closes it, a fault removes the
/// card (the socket is closed: for PC/SC the card is pulled out), or `stop` is set.
pub fn serve(card: &SimCard, mut stream: TcpStream, stop: Option<Arc<AtomicBool>>) -> io::Result<Exit> {
    // A read timeout lets the loop notice `stop`; vpcd polls every 400 ms anyway.
    stream.set_read_timeout(Some(Duration::from_millis(500)))?;
    let mut len = [0u8; 2];
    loop {
        if stop.as_ref().is_some_and(|s| s.load(Ordering::Relaxed)) {
            return Ok(Exit::Stopped);
        }
        quickack(&stream);
        match stream.read_exact(&mut len) {
            Ok(()) => quickack(&stream),
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(Exit::ReaderClosed),
            Err(e) => return Err(e),
        }
        let n = usize::from(u16::from_be_bytes(len));
        let mut msg = vec![0u8; n];
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        stream.read_exact(&mut msg)?;
        stream.set_read_timeout(Some(Duration::from_millis(500)))?;
        quickack(&stream);
        match msg.as_slice() {
            [] => {}
            [0x00] => {}
            [0x01] | [0x02] => card.power_reset(),
            [0x04] => write_frame(&mut stream, &card.answer_get_atr())?,
            [other] => tracing::debug!("vpcd: unknown control byte {other:02X}"),
            apdu => match card.process(apdu) {
                Outcome::Reply(r) => write_frame(&mut stream, &r)?,
                // Over vpcd, a reset fault can only be shown as a removal.
                Outcome::Removed | Outcome::Reset | Outcome::Mute => {
                    let _ = stream.shutdown(std::net::Shutdown::Both);
                    return Ok(Exit::Removed);
                }
            },
        }
    }
}

/// Connects and serves until the card leaves (`tessera simulate`).
pub fn run(card: &SimCard, addr: &str) -> io::Result<Exit> {
    let stream = connect(addr, Duration::from_secs(10))?;
    tracing::info!("simulated card inserted in vpcd at {addr}");
    serve(card, stream, None)
}
