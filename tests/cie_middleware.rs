//! The command sequence of the official CIE middleware for "Cambio PIN", "Sblocca PIN" and the
//! enrolment's EF.SOD check (CIE spec §2.3, §3, §5, §8), byte for byte — its Le values, its
//! no-Le GET DATA forms, its plain and SM chaining in 255- and 231-byte pieces, its GET RESPONSE
//! handling and its InitEncKey step — run against the simulated CIE. The terminal side here
//! (secure messaging, DH, device authentication, the SOD's framing and hashes) is this file's
//! own, written from the spec like the middleware's and pinned to the spec's worked example: it
//! shares no code with Tessera's client or with the simulator, so a mistake made in either one
//! fails here.

use tessera_testkit::*;
use iso7816_tlv::ber::{Tag, Tlv, Value};
use rand::RngCore;
use tessera_core::apdu::CommandApdu;
use tessera_core::card::cie::DappKeys;
use tessera_core::transport::{Connection, Transaction};
use tessera_sim::{Preset, SimCard};

/// The terminal's side of secure messaging and its arithmetic, as the middleware composes them
/// (CIE spec §3.4, §4), from RustCrypto primitives.
mod ifd {
    use cbc::cipher::block_padding::NoPadding;
    use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
    use retail_mac::{KeyInit, Mac, RetailMac};
    use rsa::BigUint;
    use sha2::{Digest, Sha256};

    /// ISO/IEC 9797-1 method 2: `80`, then zeros to a multiple of 8.
    pub fn pad(mut v: Vec<u8>) -> Vec<u8> {
        v.push(0x80);
        while !v.len().is_multiple_of(8) {
            v.push(0);
        }
        v
    }

    fn mac(k: &[u8; 16], padded: &[u8]) -> Vec<u8> {
        let mut m = <RetailMac<des::Des> as KeyInit>::new_from_slice(k).expect("key");
        m.update(padded);
        m.finalize().into_bytes().to_vec()
    }

    /// `base^exp mod m`, |m| bytes (the middleware's re-padding; CIE spec §3.4).
    pub fn pow(base: &[u8], exp: &[u8], m: &[u8]) -> Vec<u8> {
        let r = BigUint::from_bytes_be(base).modpow(&BigUint::from_bytes_be(exp), &BigUint::from_bytes_be(m)).to_bytes_be();
        [vec![0u8; m.len().saturating_sub(r.len())], r].concat()
    }

    pub fn sha256(parts: &[&[u8]]) -> Vec<u8> {
        let mut h = Sha256::new();
        for p in parts {
            h.update(p);
        }
        h.finalize().to_vec()
    }

    /// ISO/IEC 9796-2 scheme 1: (6A ‖ m1 ‖ SHA-256(m1 ‖ m2) ‖ BC)^d mod n.
    pub fn sign_9796(n: &[u8], d: &[u8], m1: &[u8], m2: &[u8]) -> Vec<u8> {
        pow(&[&[0x6A][..], m1, &sha256(&[m1, m2]), &[0xBC]].concat(), d, n)
    }

    /// Opens a 9796-2 signature: (recovered part, hash) when framed 6A … BC.
    pub fn open_9796(n: &[u8], e: &[u8], s: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
        let r = pow(s, e, n);
        let k = r.len();
        (r[0] == 0x6A && r[k - 1] == 0xBC).then(|| (r[1..k - 33].to_vec(), r[k - 33..k - 1].to_vec()))
    }

    pub struct Sm {
        enc: [u8; 16],
        mac: [u8; 16],
        pub ssc: [u8; 8],
    }

    impl Sm {
        /// Keys from the DH secret: SHA-256(Z ‖ 00000001 / 00000002)[..16]; SSC 1.
        pub fn new(z: &[u8]) -> Self {
            let k = |c: u8| -> [u8; 16] { sha256(&[z, &[0, 0, 0, c]])[..16].try_into().expect("16") };
            Sm { enc: k(1), mac: k(2), ssc: [0, 0, 0, 0, 0, 0, 0, 1] }
        }

        fn step(&mut self) {
            self.ssc = (u64::from_be_bytes(self.ssc) + 1).to_be_bytes();
        }

        /// `h ‖ Lc ‖ [87 L 01 enc] ‖ [97 01 le] ‖ 8E 08 mac ‖ 00`; DO97 when Le is given or the
        /// command has no data (CIE spec §4).
        pub fn wrap(&mut self, head: [u8; 4], data: &[u8], le: Option<u8>) -> Vec<u8> {
            self.step();
            let h = [head[0] | 0x0C, head[1], head[2], head[3]];
            let mut dos = Vec::new();
            if !data.is_empty() {
                let enc = cbc::Encryptor::<des::TdesEde2>::new(&self.enc.into(), &[0u8; 8].into()).encrypt_padded_vec::<NoPadding>(&pad(data.to_vec()));
                let l = enc.len() + 1;
                dos.push(0x87);
                if l > 0x7F {
                    dos.push(0x81);
                }
                dos.push(l as u8);
                dos.push(0x01);
                dos.extend_from_slice(&enc);
            }
            if le.is_some() || data.is_empty() {
                dos.extend_from_slice(&[0x97, 0x01, le.unwrap_or(0)]);
            }
            let mut input = pad([&self.ssc[..], &h].concat());
            input.extend_from_slice(&dos);
            let m = mac(&self.mac, &pad(input));
            dos.extend_from_slice(&[0x8E, 0x08]);
            dos.extend_from_slice(&m);
            [&h[..], &[dos.len() as u8], &dos, &[0x00]].concat()
        }

        /// Checks and opens an answer (body ‖ SW); the middleware only parses 9000, 6282 and 6B00.
        pub fn unwrap(&mut self, body: &[u8], sw: u16) -> (Vec<u8>, u16) {
            if !matches!(sw, 0x9000 | 0x6282 | 0x6B00) {
                return (Vec::new(), sw);
            }
            self.step();
            let (mut input, mut rest, mut plain, mut inner, mut got) = (self.ssc.to_vec(), body, Vec::new(), 0xFFFF, None);
            while !rest.is_empty() {
                let (tag, len_len, len) = match rest[1] {
                    0x81 => (rest[0], 2, usize::from(rest[2])),
                    0x82 => (rest[0], 3, usize::from(u16::from_be_bytes([rest[2], rest[3]]))),
                    l => (rest[0], 1, usize::from(l)),
                };
                let (whole, after) = rest.split_at(1 + len_len + len);
                let value = &whole[1 + len_len..];
                match tag {
                    0x8E => got = Some(value.to_vec()),
                    0x99 => {
                        inner = u16::from_be_bytes([value[0], value[1]]);
                        input.extend_from_slice(whole);
                    }
                    0x87 => {
                        let dec = cbc::Decryptor::<des::TdesEde2>::new(&self.enc.into(), &[0u8; 8].into())
                            .decrypt_padded_vec::<NoPadding>(&value[1..])
                            .expect("whole blocks");
                        let end = dec.iter().rposition(|&b| b == 0x80).expect("method-2 padding");
                        plain = dec[..end].to_vec();
                        input.extend_from_slice(whole);
                    }
                    other => panic!("unexpected SM object {other:02X}"),
                }
                rest = after;
            }
            assert_eq!(got.as_deref(), Some(&mac(&self.mac, &pad(input))[..]), "answer MAC");
            (plain, inner)
        }
    }

    /// The spec's worked example (CIE spec §4.1) through this terminal.
    #[test]
    fn worked_example() {
        let h = super::h;
        let mut s = Sm::new(&(0..=255u8).collect::<Vec<_>>());
        assert_eq!(s.wrap([0, 0x20, 0, 0x81], b"12345678", None), h("0C2000811D 871101C0C020864CCCE390B9B0B11267FF1A97 8E080D437728FB19A1A4 00"));
        assert_eq!(s.unwrap(&h("990290008E086DDD6702023F1F87"), 0x9000), (Vec::new(), 0x9000));
        assert_eq!(s.wrap([0, 0xB0, 0, 0], &[], Some(0x80)), h("0CB000000D 970180 8E08A7DE171B6C9EF932 00"));
        let eof = h("871101C0C020864CCCE390270022598B5D6468 99026282 8E08751EBD06100B73ED");
        assert_eq!(s.unwrap(&eof, 0x6282), (b"123456789".to_vec(), 0x6282));
        assert_eq!(s.wrap([0, 0x2C, 3, 0x81], &[], None), h("0C2C03810D 970100 8E0868E6D9018447B04D 00"));
    }
}

fn h(s: &str) -> Vec<u8> {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    d.chunks(2).map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("ASCII"), 16).expect("hex")).collect()
}

/// Sends raw bytes; follows `61 xx` with plain GET RESPONSE as the middleware does.
fn send(t: &mut dyn Transaction, bytes: &[u8]) -> (Vec<u8>, u16) {
    let mut raw = t.transmit(&CommandApdu::from_bytes(bytes).expect("apdu")).expect("transmit");
    let mut data = Vec::new();
    loop {
        let sw = u16::from_be_bytes([raw[raw.len() - 2], raw[raw.len() - 1]]);
        data.extend_from_slice(&raw[..raw.len() - 2]);
        if sw >> 8 != 0x61 {
            return (data, sw);
        }
        let get = [0x00, 0xC0, 0x00, 0x00, sw as u8];
        raw = t.transmit(&CommandApdu::from_bytes(&get).expect("apdu")).expect("transmit");
    }
}

fn ok(t: &mut dyn Transaction, bytes: &[u8]) -> Vec<u8> {
    let (d, sw) = send(t, bytes);
    assert_eq!(sw, 0x9000, "{:02X?}", &bytes[..4]);
    d
}

/// The middleware's EF read: SELECT (P2=04, no Le), then READ BINARY with Le=0x80 until 6282/6B00.
fn read_ef(t: &mut dyn Transaction, fid: [u8; 2]) -> Vec<u8> {
    ok(t, &[0x00, 0xA4, 0x02, 0x04, 0x02, fid[0], fid[1]]);
    let mut out = Vec::new();
    loop {
        let o = out.len();
        let (d, sw) = send(t, &[0x00, 0xB0, (o >> 8) as u8, o as u8, 0x80]);
        out.extend_from_slice(&d);
        match sw {
            0x9000 => continue,
            0x6282 | 0x6B00 => return out,
            other => panic!("READ BINARY {other:04X}"),
        }
    }
}

fn tag(b: &[u8]) -> Tag {
    Tag::try_from(b.iter().fold(0u64, |a, &x| (a << 8) | u64::from(x))).expect("tag")
}

fn child<'a>(t: &'a Tlv, path: &[&[u8]]) -> &'a Tlv {
    let mut cur = t;
    for p in path {
        let Value::Constructed(c) = cur.value() else { panic!("not constructed") };
        cur = c.iter().find(|x| *x.tag() == tag(p)).expect("child present");
    }
    cur
}

fn value(t: &Tlv) -> Vec<u8> {
    match t.value() {
        Value::Primitive(v) => v.clone(),
        Value::Constructed(_) => panic!("not primitive"),
    }
}

/// One SM exchange per piece, pieces of 231 bytes with CLA 10 on all but the last.
fn sm(t: &mut dyn Transaction, s: &mut ifd::Sm, head: [u8; 4], data: &[u8], le: Option<u8>) -> (Vec<u8>, u16) {
    let pieces: Vec<&[u8]> = if data.is_empty() { vec![&[][..]] } else { data.chunks(231).collect() };
    let mut last = (Vec::new(), 0);
    for (i, piece) in pieces.iter().enumerate() {
        let more = i + 1 < pieces.len();
        let cla = head[0] | if more { 0x10 } else { 0 };
        let wrapped = s.wrap([cla, head[1], head[2], head[3]], piece, if more { None } else { le });
        let (body, sw) = send(t, &wrapped);
        last = s.unwrap(&body, sw);
        assert!(last.1 == 0x9000 || !more, "chain piece refused");
    }
    last
}

/// The middleware's EF read under SM: SELECT, then READ BINARY with Le=0x80 until 6282/6B00.
fn read_ef_sm(t: &mut dyn Transaction, s: &mut ifd::Sm, fid: [u8; 2]) -> Vec<u8> {
    assert_eq!(sm(t, s, [0, 0xA4, 0x02, 0x04], &fid, None).1, 0x9000);
    let mut out = Vec::new();
    loop {
        let o = out.len();
        let (d, sw) = sm(t, s, [0, 0xB0, (o >> 8) as u8, o as u8], &[], Some(0x80));
        out.extend_from_slice(&d);
        match sw {
            0x9000 => continue,
            0x6282 | 0x6B00 => return out,
            other => panic!("READ BINARY {other:04X}"),
        }
    }
}

/// The first TLV of a file (the middleware's GetASN1DataLenght; files may carry padding).
fn first_tlv(file: &[u8]) -> Vec<u8> {
    Tlv::parse(file).0.expect("TLV").to_vec()
}

/// What the plain phase reads that the enrolment later checks against EF.SOD.
struct PlainFiles {
    nis: Vec<u8>,
    dh: Vec<u8>,
    chip_key: Vec<u8>,
    services_key: Vec<u8>,
}

/// Everything up to and including the DAPP, as `CambioPIN` / `SbloccoPIN` do it (plus the reads
/// of D004, 1001 and 1005 the enrolment makes in plain).
fn middleware_session(t: &mut dyn Transaction) -> (ifd::Sm, PlainFiles) {
    // SelectAID_IAS for the Bit4id family: SELECT MF, case 1.
    ok(t, &h("00 A4 00 00"));
    let pan = read_ef(t, [0xD0, 0x03]);
    let dh_file = read_ef(t, [0xD0, 0x04]);
    ok(t, &h("00 A4 04 0C 06 A0 00 00 00 00 39"));
    let nis = read_ef(t, [0x10, 0x01]);
    // InitEncKey: MSE SET key 0x83, INTERNAL AUTHENTICATE over hex(PAN[5..11)); deterministic.
    let id: String = pan[5..11].iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(id, "123456789012", "PAN[5..11) holds the NIS as BCD");
    assert_eq!(&nis[..12], id.as_bytes(), "the enrolment cache keys agree");
    ok(t, &h("00 22 41 A4 06 80 01 02 84 01 83"));
    let mut int_auth = h("00 88 00 00 0C");
    int_auth.extend_from_slice(id.as_bytes());
    let sig1 = ok(t, &int_auth);
    ok(t, &h("00 22 41 A4 06 80 01 02 84 01 83"));
    assert_eq!(ok(t, &int_auth), sig1, "InitEncKey answer is deterministic");
    // ReadDappPubKey: EF 1004 read in 128-byte pieces.
    let dapp = read_ef(t, [0x10, 0x04]);
    let services_key = read_ef(t, [0x10, 0x05]);
    let key = Tlv::from_bytes(&first_tlv(&dapp)).expect("SEQUENCE");
    let Value::Constructed(parts) = key.value() else { panic!("SEQUENCE") };
    let (chip_n, chip_e) = (value(&parts[0]), value(&parts[1]));
    let chip_n = chip_n.strip_prefix(&[0u8][..]).unwrap_or(&chip_n).to_vec();
    // InitDHParam: three GET DATA without Le; replies longer than 256 come through 61xx.
    let mut dh = Vec::new();
    for t_ in [0x97u8, 0x98, 0x99] {
        let mut cmd = h("00 CB 3F FF 0C 4D 0A 70 08 BF A1 01 04 A3 02");
        cmd.extend_from_slice(&[t_, 0x00]);
        let r = Tlv::from_bytes(&ok(t, &cmd)).expect("TLV");
        dh.push(value(child(&r, &[&[0xBF, 0xA1, 0x01], &[0xA3], &[t_]])));
    }
    let (g, p, q) = (dh[0].clone(), dh[1].clone(), dh[2].clone());
    // InitExtAuthKeyParam.
    let r = Tlv::from_bytes(&ok(t, &h("00 CB 3F FF 0B 4D 09 70 07 BF A0 04 03 7F 49 80"))).expect("TLV");
    let ca = child(&r, &[&[0xBF, 0xA0, 0x04], &[0x7F, 0x49]]);
    let n_ca = value(child(ca, &[&[0x81]]));
    let n_ca = n_ca.strip_prefix(&[0u8][..]).unwrap_or(&n_ca).to_vec();
    let e_ca = value(child(ca, &[&[0x82]]));
    let car = value(child(ca, &[&[0x5F, 0x20]]))[4..].to_vec();
    let ca_aid = value(child(ca, &[&[0x5F, 0x4C]]))[..6].to_vec();
    // DHKeyExchange: plain chaining in 255-byte pieces.
    let mut x = vec![0u8; q.len()];
    rand::thread_rng().fill_bytes(&mut x);
    x[0] &= 0x7F;
    let pk_ifd = ifd::pow(&g, &x, &p);
    let mut mse = h("80 01 9B 83 01 81 91 82 01 00");
    mse.extend_from_slice(&pk_ifd);
    assert_eq!(mse.len(), 266);
    let mut first = h("10 22 41 A6 FF");
    first.extend_from_slice(&mse[..255]);
    ok(t, &first);
    let mut second = h("00 22 41 A6 0B");
    second.extend_from_slice(&mse[255..]);
    ok(t, &second);
    let r = Tlv::from_bytes(&ok(t, &h("00 CB 3F FF 06 4D 04 A6 02 91 00"))).expect("TLV");
    let pk_icc = value(child(&r, &[&[0x91]]));
    let mut s = ifd::Sm::new(&ifd::pow(&pk_icc, &x, &p));
    // DAPP: the terminal certificate is signed with the simulated card's CA key (a real card's CA
    // exponent is the middleware's embedded one, CIE spec §7).
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::traits::PrivateKeyParts;
    let ca_key = rsa::RsaPrivateKey::from_pkcs8_pem(include_str!("../assets/sim/cie-ca.key.pem")).expect("simulated CA key");
    let d_ca = ca_key.d().to_bytes_be();
    let keys = DappKeys::default(); // the middleware's terminal key pair (plain data, CIE spec §7)
    let sn_ifd = h("20 00 00 00 00 00 00 01");
    let chr_ifd = [vec![0, 0, 0, 0], sn_ifd.clone()].concat();
    let m = [vec![0x8A], car.clone(), chr_ifd.clone(), ca_aid, vec![0x01], h("2A 81 22 F4 2A 02 04 01 04"), keys.n_dapp.clone(), h("00 01 00 01")].concat();
    let k = n_ca.len();
    let sig = ifd::sign_9796(&n_ca, &d_ca, &m[..k - 34], &m[k - 34..]);
    assert!(ifd::open_9796(&n_ca, &e_ca, &sig).is_some(), "the middleware's self-check");
    let mut body = Vec::new();
    for (tg, v) in [(&[0x5F, 0x37][..], sig), (&[0x5F, 0x38][..], m[k - 34..].to_vec()), (&[0x42][..], car)] {
        body.extend_from_slice(&Tlv::new(tag(tg), Value::Primitive(v)).expect("tlv").to_vec());
    }
    let cvc = [h("7F 21 82"), vec![(body.len() >> 8) as u8, body.len() as u8], body].concat();
    assert_eq!(cvc.len(), 354, "the terminal certificate is 354 bytes");
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x81, 0xB6], &h("80 01 41 83 01 84"), Some(0)).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x2A, 0x00, 0xAE], &cvc, None).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x81, 0xA4], &[h("83 0C"), chr_ifd].concat(), None).1, 0x9000);
    let (rnd_icc, sw) = sm(t, &mut s, [0, 0x84, 0, 0], &[], Some(8));
    assert_eq!((rnd_icc.len(), sw), (8, 0x9000));
    let mut prnd = vec![0u8; keys.n_dapp.len() - 34];
    rand::thread_rng().fill_bytes(&mut prnd);
    let rest = [&pk_ifd[..], &sn_ifd, &rnd_icc, &pk_icc, &g, &p, &q].concat();
    let sig_ifd = ifd::sign_9796(&keys.n_dapp, &keys.d_dapp, &prnd, &rest);
    assert_eq!(sm(t, &mut s, [0, 0x82, 0, 0], &[sn_ifd, sig_ifd].concat(), None).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x41, 0xA4], &h("84 01 82 80 01 9B"), None).1, 0x9000);
    let mut rnd_ifd = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut rnd_ifd);
    let (answer, sw) = sm(t, &mut s, [0, 0x88, 0, 0], &rnd_ifd, None);
    assert_eq!((answer.len(), sw), (264, 0x9000));
    let (sn_icc, sig_icc) = answer.split_at(8);
    let (prnd2, hash) = ifd::open_9796(&chip_n, &chip_e, sig_icc).expect("6A … BC");
    assert_eq!(hash, ifd::sha256(&[&prnd2, &pk_icc, sn_icc, &rnd_ifd, &pk_ifd, &g, &p, &q]));
    s.ssc = [&rnd_icc[4..8], &rnd_ifd[4..8]].concat().try_into().expect("8 bytes");
    (s, PlainFiles { nis, dh: dh_file, chip_key: dapp, services_key })
}

/// The children of a constructed BER-TLV.
fn kids(t: &Tlv) -> &[Tlv] {
    match t.value() {
        Value::Constructed(c) => c,
        Value::Primitive(_) => panic!("not constructed: {:02X?}", t.tag().to_bytes()),
    }
}

#[test]
fn enrolment_reads_ef_sod_in_its_icao_frame_and_every_hash_matches() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let mut t = conn.begin().expect("transaction");
    let (mut s, plain) = middleware_session(&mut *t);
    // AbilitaCIE: VERIFY, then 1002, 1003 and EF.SOD under SM.
    assert_eq!(sm(&mut *t, &mut s, [0, 0x20, 0, 0x81], PIN.as_bytes(), None).1, 0x9000);
    let serial = read_ef_sm(&mut *t, &mut s, [0x10, 0x02]);
    let cert = read_ef_sm(&mut *t, &mut s, [0x10, 0x03]);
    let sod = read_ef_sm(&mut *t, &mut s, [0x10, 0x06]);
    drop(t);
    // ICAO LDS framing: tag 77; the middleware takes its first SEQUENCE child (CIE spec §2.3).
    let outer = Tlv::parse(&sod).0.expect("EF.SOD is one TLV");
    assert_eq!(outer.tag().to_bytes(), [0x77], "EF.SOD is wrapped in tag 77");
    let content_info = kids(&outer).iter().find(|c| c.tag().to_bytes() == [0x30]).expect("a SEQUENCE inside 77");
    // ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo { eContentType, [0] OCTET STRING } … } }
    let signed_data = &kids(&kids(content_info)[1])[0];
    let encap = &kids(signed_data)[2];
    assert_eq!(value(&kids(encap)[0]), h("67 81 08 01 01 01"), "eContentType 2.23.136.1.1.1");
    let lds = Tlv::from_bytes(&value(&kids(&kids(encap)[1])[0])).expect("LDSSecurityObject");
    let alg = value(&kids(&kids(&lds)[1])[0]);
    assert_eq!(alg, h("60 86 48 01 65 03 04 02 01"), "SHA-256");
    let listed: Vec<(u8, Vec<u8>)> = kids(&kids(&lds)[2]).iter().map(|g| (value(&kids(g)[0])[0], value(&kids(g)[1]))).collect();
    let expect = [
        (0xA1, ifd::sha256(&[&plain.nis[..12]])),
        (0xA2, ifd::sha256(&[&serial[..9]])),
        (0xA3, ifd::sha256(&[&first_tlv(&cert)])),
        (0xA4, ifd::sha256(&[&first_tlv(&plain.chip_key)])),
        (0xA5, ifd::sha256(&[&first_tlv(&plain.services_key)])),
        (0x1B, ifd::sha256(&[&first_tlv(&plain.dh)])),
    ];
    for (n, hash) in expect {
        assert_eq!(listed.iter().find(|(x, _)| *x == n).map(|(_, v)| v), Some(&hash), "data group {n:02X}");
    }
    assert_eq!(listed.len(), 6);
    assert_eq!(&serial[..9], b"CA12345XY");
    assert_eq!(first_tlv(&cert), card.certificate_der());
}

#[test]
fn cambio_pin_sequence() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let mut t = conn.begin().expect("transaction");
    let (mut s, _) = middleware_session(&mut *t);
    assert_eq!(sm(&mut *t, &mut s, [0, 0x20, 0, 0x81], PIN.as_bytes(), None).1, 0x9000);
    let body = [PIN.as_bytes(), b"58209749"].concat();
    assert_eq!(sm(&mut *t, &mut s, [0, 0x24, 0, 0x81], &body, None).1, 0x9000);
    drop(t);
    assert!(card.pin_is("58209749"));
    assert_eq!(card.counters().pin_tries, 2);
}

#[test]
fn sblocco_pin_sequence_and_wrong_pin_inside_sm() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let mut t = conn.begin().expect("transaction");
    let (mut s, _) = middleware_session(&mut *t);
    // A wrong PIN answers 63C2 inside SM, with outer 9000 (CIE spec §4).
    assert_eq!(sm(&mut *t, &mut s, [0, 0x20, 0, 0x81], b"11112222", None).1, 0x63C2);
    assert_eq!(sm(&mut *t, &mut s, [0, 0x20, 0, 0x82], PUK.as_bytes(), None).1, 0x9000);
    assert_eq!(sm(&mut *t, &mut s, [0, 0x2C, 0x02, 0x81], b"58209749", None).1, 0x9000);
    drop(t);
    assert!(card.pin_is("58209749"));
    assert_eq!((card.pin_tries_left(), card.counters().puk_tries), (3, 1));
}

#[test]
fn pin_commands_before_the_dapp_are_refused() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let mut t = conn.begin().expect("transaction");
    ok(&mut *t, &h("00 A4 04 0C 06 A0 00 00 00 00 39"));
    let (_, sw) = send(&mut *t, &[&h("00 20 00 81 08")[..], PIN.as_bytes()].concat());
    assert_eq!(sw, 0x6982);
    drop(t);
    assert_eq!(card.pin_tries_left(), 3);
}
