//! The command sequence of the official CIE middleware for "Cambio PIN" and "Sblocca PIN"
//! (CIE spec §3, §5, §8), byte for byte — its Le values, its no-Le GET DATA forms, its plain and
//! SM chaining in 255- and 231-byte pieces, its GET RESPONSE handling and its InitEncKey step —
//! run against the simulated CIE, so that the simulator's fidelity does not rest on Tessera's own
//! client alone. Each step checks the status word the middleware requires.

mod common;
use common::*;
use iso7816_tlv::ber::{Tag, Tlv, Value};
use rand::RngCore;
use tessera_core::apdu::{CommandApdu, ResponseApdu};
use tessera_core::card::cie::sm::SmSession;
use tessera_core::card::cie::{CaKind, DappKeys, crypto};
use tessera_sim::{Preset, SimCard};
use tessera_core::transport::{Connection, Transaction};

fn h(s: &str) -> Vec<u8> {
    tessera_core::card::detect::atr_from_hex(s).expect("hex")
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
fn sm(t: &mut dyn Transaction, s: &mut SmSession, cla_ins_p1_p2: [u8; 4], data: &[u8], le: Option<u32>) -> (Vec<u8>, u16) {
    let mut cmd = CommandApdu::new(cla_ins_p1_p2[0], cla_ins_p1_p2[1], cla_ins_p1_p2[2], cla_ins_p1_p2[3]).with_data(data.to_vec());
    if let Some(le) = le {
        cmd = cmd.with_le(le);
    }
    let mut last = (Vec::new(), 0);
    for piece in cmd.chain(231) {
        let wrapped = s.wrap(&piece, false);
        let (body, sw) = send(t, &wrapped.to_bytes());
        let mut raw = body;
        raw.extend_from_slice(&sw.to_be_bytes());
        let r = s.unwrap(&ResponseApdu::from_bytes(&raw).expect("response")).expect("MAC verifies");
        last = (r.data().to_vec(), u16::from(r.sw));
        assert!(last.1 == 0x9000 || piece.cla & 0x10 == 0, "chain piece refused");
    }
    last
}

/// Everything up to and including the DAPP, as `CambioPIN` / `SbloccoPIN` do it.
fn middleware_session(t: &mut dyn Transaction) -> SmSession {
    // SelectAID_IAS for the Bit4id family: SELECT MF, case 1.
    ok(t, &h("00 A4 00 00"));
    let pan = read_ef(t, [0xD0, 0x03]);
    ok(t, &h("00 A4 04 0C 06 A0 00 00 00 00 39"));
    // InitEncKey: MSE SET key 0x83, INTERNAL AUTHENTICATE over hex(PAN[5..11)); deterministic.
    let id: String = pan[5..11].iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(id, "123456789012", "PAN[5..11) holds the NIS as BCD");
    ok(t, &h("00 22 41 A4 06 80 01 02 84 01 83"));
    let mut int_auth = h("00 88 00 00 0C");
    int_auth.extend_from_slice(id.as_bytes());
    let sig1 = ok(t, &int_auth);
    ok(t, &h("00 22 41 A4 06 80 01 02 84 01 83"));
    assert_eq!(ok(t, &int_auth), sig1, "InitEncKey answer is deterministic");
    // ReadDappPubKey: EF 1004 read in 128-byte pieces.
    let dapp = read_ef(t, [0x10, 0x04]);
    let key = Tlv::from_bytes(&dapp[..tessera_core::card::cns::der_total_len(&dapp).expect("DER")]).expect("SEQUENCE");
    let Value::Constructed(parts) = key.value() else { panic!("SEQUENCE") };
    let (chip_n, chip_e) = (value(&parts[0]), value(&parts[1]));
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
    let n_ca = crypto::strip_zeros(&value(child(ca, &[&[0x81]]))).to_vec();
    let e_ca = value(child(ca, &[&[0x82]]));
    let car = value(child(ca, &[&[0x5F, 0x20]]))[4..].to_vec();
    let ca_aid = value(child(ca, &[&[0x5F, 0x4C]]))[..6].to_vec();
    // DHKeyExchange: plain chaining in 255-byte pieces.
    let mut x = vec![0u8; q.len()];
    rand::thread_rng().fill_bytes(&mut x);
    x[0] &= 0x7F;
    let pk_ifd = crypto::mod_pow(&g, &x, &p, p.len());
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
    let z = crypto::mod_pow(&pk_icc, &x, &p, p.len());
    let (k_enc, k_mac) = crypto::derive_keys(&z);
    let mut s = SmSession::new(k_enc, k_mac, [0, 0, 0, 0, 0, 0, 0, 1]);
    // DAPP.
    let keys = DappKeys::default();
    let d_ca = keys.ca_private_exponents().find(|(k, _)| *k == CaKind::Simulator).expect("simulator CA").1.to_vec();
    let sn_ifd = h("20 00 00 00 00 00 00 01");
    let chr_ifd = [vec![0, 0, 0, 0], sn_ifd.clone()].concat();
    let m = [vec![0x8A], car.clone(), chr_ifd.clone(), ca_aid, vec![0x01], h("2A 81 22 F4 2A 02 04 01 04"), keys.n_dapp.clone(), h("00 01 00 01")].concat();
    let k = n_ca.len();
    let sig = crypto::sign_9796(&n_ca, &d_ca, &m[..k - 34], &m[k - 34..]).expect("sign");
    assert!(crypto::recover_9796(&n_ca, &e_ca, &sig).is_some(), "the middleware's self-check");
    let mut body = Vec::new();
    for (tg, v) in [(&[0x5F, 0x37][..], sig), (&[0x5F, 0x38][..], m[k - 34..].to_vec()), (&[0x42][..], car)] {
        body.extend_from_slice(&Tlv::new(tag(tg), Value::Primitive(v)).expect("tlv").to_vec());
    }
    let cvc = [h("7F 21 82"), vec![(body.len() >> 8) as u8, body.len() as u8], body].concat();
    assert_eq!(cvc.len(), 354, "the terminal certificate is 354 bytes");
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x81, 0xB6], &h("80 01 41 83 01 84"), Some(256)).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x2A, 0x00, 0xAE], &cvc, None).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x81, 0xA4], &[h("83 0C"), chr_ifd].concat(), None).1, 0x9000);
    let (rnd_icc, sw) = sm(t, &mut s, [0, 0x84, 0, 0], &[], Some(8));
    assert_eq!((rnd_icc.len(), sw), (8, 0x9000));
    let mut prnd = vec![0u8; keys.n_dapp.len() - 34];
    rand::thread_rng().fill_bytes(&mut prnd);
    let rest = [&pk_ifd[..], &sn_ifd, &rnd_icc, &pk_icc, &g, &p, &q].concat();
    let sig_ifd = crypto::sign_9796(&keys.n_dapp, &keys.d_dapp, &prnd, &rest).expect("sign");
    assert_eq!(sm(t, &mut s, [0, 0x82, 0, 0], &[sn_ifd, sig_ifd].concat(), None).1, 0x9000);
    assert_eq!(sm(t, &mut s, [0, 0x22, 0x41, 0xA4], &h("84 01 82 80 01 9B"), None).1, 0x9000);
    let mut rnd_ifd = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut rnd_ifd);
    let (answer, sw) = sm(t, &mut s, [0, 0x88, 0, 0], &rnd_ifd, None);
    assert_eq!((answer.len(), sw), (264, 0x9000));
    let (sn_icc, sig_icc) = answer.split_at(8);
    let (prnd2, hash) = crypto::recover_9796(&chip_n, &chip_e, sig_icc).expect("6A … BC");
    assert_eq!(hash, crypto::sha256(&[&prnd2, &pk_icc, sn_icc, &rnd_ifd, &pk_ifd, &g, &p, &q]));
    s.set_ssc([&rnd_icc[4..8], &rnd_ifd[4..8]].concat().try_into().expect("8 bytes"));
    s
}

#[test]
fn cambio_pin_sequence() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let mut t = conn.begin().expect("transaction");
    let mut s = middleware_session(&mut *t);
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
    let mut s = middleware_session(&mut *t);
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
