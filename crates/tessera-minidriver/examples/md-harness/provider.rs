//! The provider's side, as md-harness plays it: the counting allocator, PC/SC and the
//! registry as the Base CSP sees them, and a context with the calls the providers make.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;
use windows_sys::Win32::Security::Credentials as sc;
use windows_sys::Win32::Security::Cryptography as wc;
use windows_sys::Win32::System::LibraryLoader::{GetProcAddress, LoadLibraryW};
use windows_sys::Win32::System::Registry as reg;

pub(crate) type Acquire = unsafe extern "system" fn(*mut wc::CARD_DATA, u32) -> u32;

pub(crate) fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

pub(crate) fn fail(what: &str) -> ! {
    println!("FAIL {what}");
    std::process::exit(1);
}

pub(crate) fn ok(what: &str) {
    println!("ok   {what}");
}

pub(crate) fn expect(rv: u32, want: u32, what: &str) {
    if rv != want {
        fail(&format!("{what}: {rv:#010x}, expected {want:#010x}"));
    }
    ok(what);
}

pub(crate) fn stdin_line() -> String {
    let mut s = String::new();
    std::io::stdin().read_line(&mut s).unwrap_or_else(|_| fail("stdin"));
    s.trim().to_owned()
}

// --- The allocator the driver must use for everything it hands back. ---
pub(crate) static LIVE: Mutex<Option<HashMap<usize, usize>>> = Mutex::new(None);
pub(crate) static COUNTS: Mutex<(usize, usize)> = Mutex::new((0, 0));

pub(crate) unsafe extern "system" fn csp_alloc(size: usize) -> *mut core::ffi::c_void {
    let b = vec![0u8; size.max(1)].into_boxed_slice();
    let p = Box::into_raw(b) as *mut u8 as usize;
    LIVE.lock().expect("lock").get_or_insert_with(HashMap::new).insert(p, size.max(1));
    COUNTS.lock().expect("lock").0 += 1;
    p as *mut _
}

pub(crate) unsafe extern "system" fn csp_realloc(_p: *const core::ffi::c_void, _size: usize) -> *mut core::ffi::c_void {
    fail("the driver called pfnCspReAlloc (it never needs to)");
}

pub(crate) unsafe extern "system" fn csp_free(p: *const core::ffi::c_void) {
    let size = LIVE.lock().expect("lock").get_or_insert_with(HashMap::new).remove(&(p as usize));
    let Some(size) = size else { fail(&format!("pfnCspFree of {p:?}: not allocated, or freed twice")) };
    COUNTS.lock().expect("lock").1 += 1;
    // SAFETY: allocated by csp_alloc with this size.
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p as *mut u8, size)) });
}

/// Takes a buffer the driver handed back (and frees it, as the provider does).
pub(crate) fn take(p: *mut u8, len: u32) -> Vec<u8> {
    if p.is_null() {
        fail("the driver handed back a null buffer");
    }
    // SAFETY: `len` bytes the driver allocated with csp_alloc.
    let v = unsafe { std::slice::from_raw_parts(p, len as usize) }.to_vec();
    // SAFETY: the driver's allocation, freed once.
    unsafe { csp_free(p as *const _) };
    v
}

pub(crate) fn checkpoint(name: &str) {
    let Ok(dir) = std::env::var("TESSERA_HARNESS_CHECKPOINTS") else { return };
    let path = std::path::Path::new(&dir).join(name);
    std::fs::write(&path, "").unwrap_or_else(|e| fail(&format!("checkpoint {name}: {e}")));
    let t = Instant::now();
    while path.exists() {
        if t.elapsed().as_secs() > 120 {
            fail(&format!("checkpoint {name}: nobody answered"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

// --- PC/SC and the registry, as the provider sees them. ---
pub(crate) struct Reader {
    pub(crate) ctx: usize,
    name: Vec<u16>,
}

pub(crate) fn reader() -> Reader {
    let mut ctx = 0usize;
    // SAFETY: out-parameter.
    let rv = unsafe { sc::SCardEstablishContext(sc::SCARD_SCOPE_USER, std::ptr::null(), std::ptr::null(), &mut ctx) } as u32;
    expect(rv, 0, "SCardEstablishContext");
    let mut buf = vec![0u16; 4096];
    let mut len = buf.len() as u32;
    // SAFETY: a buffer of `len` wide characters.
    let rv = unsafe { sc::SCardListReadersW(ctx, std::ptr::null(), buf.as_mut_ptr(), &mut len) } as u32;
    expect(rv, 0, "SCardListReadersW");
    let first: Vec<u16> = buf.iter().copied().take_while(|&c| c != 0).chain(std::iter::once(0)).collect();
    Reader { ctx, name: first }
}

pub(crate) struct Handle {
    hcard: usize,
    pub(crate) atr: Vec<u8>,
}

pub(crate) fn connect(r: &Reader) -> Handle {
    let (mut hcard, mut proto) = (0usize, 0u32);
    // SAFETY: out-parameters; the reader name is NUL-terminated.
    let rv = unsafe { sc::SCardConnectW(r.ctx, r.name.as_ptr(), sc::SCARD_SHARE_SHARED, sc::SCARD_PROTOCOL_T0 | sc::SCARD_PROTOCOL_T1, &mut hcard, &mut proto) } as u32;
    if rv != 0 {
        fail(&format!("SCardConnectW: {rv:#010x}"));
    }
    let mut atr = vec![0u8; 36];
    let (mut rlen, mut state, mut p, mut alen) = (0u32, 0u32, 0u32, atr.len() as u32);
    // SAFETY: buffers with their lengths.
    let rv = unsafe { sc::SCardStatusW(hcard, std::ptr::null_mut(), &mut rlen, &mut state, &mut p, atr.as_mut_ptr(), &mut alen) } as u32;
    if rv != 0 {
        fail(&format!("SCardStatusW: {rv:#010x}"));
    }
    atr.truncate(alen as usize);
    Handle { hcard, atr }
}

pub(crate) fn begin(h: &Handle) {
    // SAFETY: our handle.
    let rv = unsafe { sc::SCardBeginTransaction(h.hcard) } as u32;
    if rv != 0 {
        fail(&format!("SCardBeginTransaction: {rv:#010x}"));
    }
}

pub(crate) fn end(h: &Handle) {
    // SAFETY: our handle.
    unsafe { sc::SCardEndTransaction(h.hcard, sc::SCARD_LEAVE_CARD) };
}

pub(crate) fn reg_binary(key: &[u16], value: &str) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; 512];
    let mut len = buf.len() as u32;
    let v = wide(value);
    // SAFETY: buffers with their lengths; names NUL-terminated.
    let rv = unsafe { reg::RegGetValueW(reg::HKEY_LOCAL_MACHINE, key.as_ptr(), v.as_ptr(), reg::RRF_RT_REG_BINARY | reg::RRF_RT_REG_SZ | reg::RRF_SUBKEY_WOW6464KEY, std::ptr::null_mut(), buf.as_mut_ptr().cast(), &mut len) };
    (rv == 0).then(|| {
        buf.truncate(len as usize);
        buf
    })
}

/// The card type Windows would pick for `atr` (name, driver path), from the registry.
pub(crate) fn registered_driver(atr: &[u8]) -> (String, String) {
    let base = tessera_minidriver::registration::CALAIS;
    let mut hkey: reg::HKEY = std::ptr::null_mut();
    let b = wide(base);
    // SAFETY: out-parameter; name NUL-terminated.
    let rv = unsafe { reg::RegOpenKeyExW(reg::HKEY_LOCAL_MACHINE, b.as_ptr(), 0, reg::KEY_READ | reg::KEY_WOW64_64KEY, &mut hkey) };
    if rv != 0 {
        fail(&format!("no {base} key: is the MSI installed? ({rv})"));
    }
    for i in 0.. {
        let mut name = vec![0u16; 256];
        let mut len = name.len() as u32;
        // SAFETY: a buffer of `len` wide characters.
        let rv = unsafe { reg::RegEnumKeyExW(hkey, i, name.as_mut_ptr(), &mut len, std::ptr::null(), std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut()) };
        if rv != 0 {
            break;
        }
        let name = String::from_utf16_lossy(&name[..len as usize]);
        let key = wide(&format!("{base}\\{name}"));
        let (Some(want), Some(mask)) = (reg_binary(&key, "ATR"), reg_binary(&key, "ATRMask")) else { continue };
        if want.len() == atr.len() && atr.iter().zip(&mask).zip(&want).all(|((a, m), w)| a & m == *w) {
            let dll = reg_binary(&key, tessera_minidriver::registration::DRIVER_VALUE).unwrap_or_else(|| fail("no 80000001 value"));
            let path: Vec<u16> = dll.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).take_while(|&c| c != 0).collect();
            // SAFETY: opened above.
            unsafe { reg::RegCloseKey(hkey) };
            return (name, String::from_utf16_lossy(&path));
        }
    }
    fail("no registered card type takes this card's ATR")
}

pub(crate) fn load(path: &str) -> Acquire {
    let w = wide(path);
    // SAFETY: a NUL-terminated path.
    let lib = unsafe { LoadLibraryW(w.as_ptr()) };
    if lib.is_null() {
        fail(&format!("LoadLibraryW {path}"));
    }
    // SAFETY: a NUL-terminated export name.
    let f = unsafe { GetProcAddress(lib, c"CardAcquireContext".as_ptr().cast()) }.unwrap_or_else(|| fail("no CardAcquireContext export"));
    // SAFETY: the minidriver API's signature.
    unsafe { std::mem::transmute::<unsafe extern "system" fn() -> isize, Acquire>(f) }
}

/// A context as the provider makes one.
pub(crate) struct Ctx {
    pub(crate) data: Box<wc::CARD_DATA>,
    _atr: Vec<u8>,
    _name: Vec<u16>,
}

pub(crate) fn acquire(f: Acquire, h: &Handle, ctx: usize, card_name: &str, version: u32) -> (u32, Ctx) {
    let mut atr = h.atr.clone();
    let mut name = wide(card_name);
    let mut data = Box::new(wc::CARD_DATA {
        dwVersion: version,
        pbAtr: atr.as_mut_ptr(),
        cbAtr: atr.len() as u32,
        pwszCardName: name.as_mut_ptr(),
        pfnCspAlloc: Some(csp_alloc),
        pfnCspReAlloc: Some(csp_realloc),
        pfnCspFree: Some(csp_free),
        hSCardCtx: ctx,
        hScard: h.hcard,
        ..Default::default()
    });
    // SAFETY: a CARD_DATA as the API says.
    let rv = unsafe { f(&mut *data, 0) };
    (rv, Ctx { data, _atr: atr, _name: name })
}

impl Ctx {
    pub(crate) fn cd(&self) -> *const wc::CARD_DATA {
        &*self.data
    }
    pub(crate) fn read(&self, dir: Option<&str>, file: &str) -> Result<Vec<u8>, u32> {
        let d = dir.map(|d| std::ffi::CString::new(d).expect("dir"));
        let f = std::ffi::CString::new(file).expect("file");
        let (mut p, mut len) = (std::ptr::null_mut(), 0u32);
        // SAFETY: the driver's entry point with our buffers.
        let rv = unsafe { self.data.pfnCardReadFile.expect("ReadFile")(self.cd(), d.as_ref().map_or(std::ptr::null(), |d| d.as_ptr().cast()), f.as_ptr().cast(), 0, &mut p, &mut len) };
        if rv != 0 { Err(rv) } else { Ok(take(p, len)) }
    }
    pub(crate) fn auth(&self, pin: &str) -> (u32, u32) {
        let mut left = 99u32;
        let user = wide("user");
        // SAFETY: the driver's entry point.
        let rv = unsafe { self.data.pfnCardAuthenticatePin.expect("AuthenticatePin")(self.cd(), user.as_ptr(), pin.as_ptr(), pin.len() as u32, &mut left) };
        (rv, left)
    }
    pub(crate) fn prop(&self, name: windows_sys::core::PCWSTR, flags: u32) -> Result<Vec<u8>, u32> {
        let mut buf = vec![0u8; 512];
        let mut len = 0u32;
        // SAFETY: the driver's entry point with our buffer.
        let rv = unsafe { self.data.pfnCardGetProperty.expect("GetProperty")(self.cd(), name, buf.as_mut_ptr(), buf.len() as u32, &mut len, flags) };
        if rv != 0 {
            return Err(rv);
        }
        buf.truncate(len as usize);
        Ok(buf)
    }
    pub(crate) fn sign(&self, flags: u32, alg: u32, padding: Option<(u32, *mut core::ffi::c_void)>, data: &[u8]) -> Result<Vec<u8>, u32> {
        let mut data = data.to_vec();
        let mut info = wc::CARD_SIGNING_INFO {
            dwVersion: if padding.is_some() { 2 } else { 1 },
            bContainerIndex: 0,
            dwKeySpec: wc::AT_KEYEXCHANGE,
            dwSigningFlags: flags | if padding.is_some() { wc::CARD_PADDING_INFO_PRESENT } else { 0 },
            aiHashAlg: alg,
            pbData: data.as_mut_ptr(),
            cbData: data.len() as u32,
            ..Default::default()
        };
        if let Some((t, p)) = padding {
            info.dwPaddingType = t;
            info.pPaddingInfo = p;
        }
        // SAFETY: the driver's entry point with our structure.
        let rv = unsafe { self.data.pfnCardSignData.expect("SignData")(self.cd(), &mut info) };
        if rv != 0 {
            return Err(rv);
        }
        if flags & wc::CARD_BUFFER_SIZE_ONLY != 0 {
            return Ok(vec![0; info.cbSignedData as usize]);
        }
        let mut sig = take(info.pbSignedData, info.cbSignedData);
        sig.reverse();
        Ok(sig)
    }
    pub(crate) fn change(&self, flags: u32, auth_id: u32, auth: &str, new: &str) -> (u32, u32) {
        let mut left = 99u32;
        // SAFETY: the driver's entry point.
        let rv = unsafe {
            self.data.pfnCardChangeAuthenticatorEx.expect("ChangeAuthenticatorEx")(self.cd(), flags, auth_id, auth.as_ptr(), auth.len() as u32, wc::ROLE_USER, new.as_ptr(), new.len() as u32, 0, &mut left)
        };
        (rv, left)
    }
}

impl Drop for Ctx {
    fn drop(&mut self) {
        if let Some(del) = self.data.pfnCardDeleteContext {
            // SAFETY: the context's last call.
            unsafe { del(&mut *self.data) };
        }
    }
}
