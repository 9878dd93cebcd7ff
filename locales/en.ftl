# Tessera — English.
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Reader
text-card-type = Card type
text-model = Model
model-note-signature-token = signature token: no health-card data
model-note-selected-by-aid = CNS application found by its AID
text-holder = Holder
text-codice-fiscale = Tax code (codice fiscale)
text-card-number = Card number
text-certificate = Certificate
text-valid-until = valid until
text-days-left = days left
text-expired = EXPIRED
text-pin-tries = PIN tries left
text-puk-tries = PUK tries left
text-unknown = unknown (the card does not tell)
text-pin-in-use = not shown now: a program is logged in with the card (your browser?). Log out or close it to see the tries.
text-blocked = BLOCKED
text-issuer = Issuer
text-serial = Serial number
text-valid-from = Valid from
text-key-usage = Key usage
text-public-key = Public key
text-subject = Subject
text-demo-banner = DEMO CARD: a simulated card for practice and training, not a real card.
text-prompt-current-pin = Current PIN: 
text-prompt-new-pin = New PIN: 
text-prompt-new-pin-again = New PIN again: 
text-prompt-puk = PUK: 
text-pin-changed = PIN changed. Use the new PIN from now on.
# Put the card back after an interrupted PIN operation: only counters are read.
text-put-card-back-to-check = Put the card back in the same reader: Tessera only reads the tries left (no PIN is sent).
# The CLI waits for the card to come back.
text-waiting-up-to-60s = Waiting up to 60 seconds…
# Another program holds the card (said after a second of waiting).
text-waiting-for-other-program = Waiting for the card: another program (a browser, other card software) may be using it, or the card or reader is still busy with an earlier operation…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Stopped waiting: nothing was sent to the card. Close the browser or other card programs; if none is open, take the card out and put it back. Then try again.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = A PIN or PUK had already been sent: it may have reached the card. Take the card out, put it back and look at the tries left before trying again.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = No PIN or PUK had been sent.
# The card went silent after a PIN or PUK was sent: take it out, the counters are then read.
text-mute-take-out-to-check = The card does not answer, and a PIN or PUK had already been sent: it may have reached the card. Take the card out of the reader and put it back: Tessera will then read the tries left (no PIN is sent) and tell you what happened.
# The card does not answer (window banner).
text-card-does-not-answer = The card has not answered for 15 seconds.
# Take the card out to free the reader.
text-take-card-out = Take the card out of the reader and put it back.
# The card did not come back in time after an interruption.
text-could-not-check = The card could not be read, so Tessera could not check what happened.
text-pin-unblocked = PIN unblocked and replaced by the new PIN. You have 3 tries again.
text-last-try-warning-pin = WARNING: only ONE PIN try is left. If it is wrong, the PIN blocks and you will need the PUK.
text-last-try-warning-puk = WARNING: only ONE PUK try is left. If it is wrong, the PUK is blocked for good: the PIN can no longer be unblocked and online services will need a new card (as a health card or identity document the card stays valid).
text-unknown-tries-warning = The card does not tell how many tries are left: this could be the last one.
text-confirm-last-try = Do you really want to use this try? Type YES to continue: 
text-weak-pin-use-anyway = Use it anyway? [y/N] 
text-cancelled = Cancelled: nothing was sent to the card.
text-no-readers = No smart-card reader found. Connect the reader; to try Tessera without a card: tessera status --demo
text-card-present = card inserted
text-no-card-in-reader = no card
text-exported = Certificate saved to
text-puk-low-warning = Few PUK tries are left: check the PUK carefully before typing it.
text-supported = supported by Tessera
text-not-supported = not supported by Tessera
text-maybe-cns-over-nfc = possibly a CNS over NFC (contactless): put it on the reader to check
text-simulated-card = SIMULATED CARD: this card is Tessera's simulator (test authority), not a real card.

## The desktop window: menus, buttons, labels, screen texts.

ui-app-title = Tessera
ui-demo-mode = DEMO MODE — simulated card, not real
ui-demo-menu = Demo card
ui-demo-cps = CPS Trentino
ui-demo-ts-cns = TS-CNS
ui-demo-ace-2025 = TS-CNS ACe 2025
ui-demo-idemia-2021 = TS-CNS IDEMIA 2021
ui-demo-cie = CIE 3.0
ui-demo-no-reader = No reader
ui-demo-unknown-card = Unknown card
ui-use-demo-card = Try the demo card
ui-use-real-card = Use the real card
ui-language = Language
ui-about = About
ui-about-text = Tessera manages the Carta Provinciale dei Servizi, CNS cards and the CIE: PIN change, unblocking with the PUK, certificate.
ui-version = Version
ui-close = Close
ui-home = Card
ui-back = Back
ui-next = Next
ui-cancel = Cancel
# Stop waiting for a mute card.
ui-stop-waiting = Stop waiting
ui-confirm = Confirm
ui-done = Done
ui-retry = Try again
ui-refresh = Refresh
ui-copy = Copy
ui-copied = Copied
# The menu with theme and text size.
ui-appearance = Appearance
ui-theme-system = Same as the system
ui-theme-light = Light
ui-theme-dark = Dark
ui-text-size = Text size
ui-replace-file = Replace the existing file
ui-save-as = Save as…
ui-open-folder = Open the folder
ui-or-type-path = Or type where to save it:
ui-change-pin = Change PIN
ui-unblock-pin = Unblock PIN
ui-forgot-pin = I forgot my PIN
ui-certificate = Certificate
ui-details = Details
ui-helpdesk-details = Helpdesk details
ui-current-pin-label = Current PIN
ui-new-pin-label = New PIN
ui-new-pin-again-label = New PIN again
ui-puk-label = PUK
ui-rule-length = Right length
ui-rule-digits = Digits 0-9 only
ui-rule-differs = Differs from the current PIN
ui-rule-matches = Both entries match
ui-tries-of-max = tries left
ui-summary = Summary
ui-confirm-change = Change the PIN now
ui-confirm-unblock = Unblock the PIN now
ui-last-try-title = Last try
ui-last-try-continue = Yes, use the last try
ui-last-try-cancel = No, not now
ui-last-try-hint = If you are not sure of the PIN, use "I forgot my PIN": the PUK unblocks it without risking the last try.
# In the last-try dialog of a PIN: the safe way, to the unblock with the PUK.
ui-last-try-use-puk = Use the PUK instead
# On the card screen with a blocked PIN: to the help page's answer on a lost PUK.
ui-no-puk = No PUK?
ui-working = Please wait: the card is working…
ui-changed-title = PIN changed
ui-unblocked-title = PIN unblocked
ui-failed-title = The operation failed
ui-puk-blocked-title = The card cannot be unblocked
ui-pin-blocked-notice = The PIN is blocked.
ui-readers = Readers
ui-no-card-title = Insert your card
ui-card-busy-title = Card busy
ui-export-pem = Save as PEM (text)
ui-export-der = Save as DER (binary)
ui-save-to = Save to
ui-save = Save
ui-saved = Saved to
ui-valid-from = Valid from
ui-valid-until = Valid until
ui-serial = Serial number
ui-issuer = Issuer
ui-key-usage = Key usage
ui-expired = EXPIRED
ui-pin-step-1help = Type the card's current PIN. Nothing is sent to the card until you confirm at step 3.
ui-pin-step-2help = Choose the new PIN and type it twice.
ui-card-removed-notice = The card was removed.
ui-simulated = SIMULATED CARD (test authority)
ui-help = Help
ui-report-title = Report for the helpdesk
ui-include-personal = Include name and codice fiscale
ui-save-report = Save the report
ui-selftest = Test the card
ui-selftest-help = The test checks the certificate, really verifies the PIN (a wrong PIN uses up one try), signs random data with the card and checks the signature.
ui-run-selftest = Run the test
ui-step-cert-dates = Certificate dates
ui-step-pin = PIN check
ui-step-signature = Signature with the card's key
ui-step-verified = Signature verification
ui-passed = passed
ui-failed = FAILED
ui-not-run = not run
ui-selftest-ok = The card works.
ui-selftest-ko = The test found a problem.
ui-browser = Browser
ui-browser-help = To log in to online services with the card, the browser must use the card's module. Close Firefox before setting it up.
ui-set-up-all = Set up every browser
ui-remove-all = Remove from the browsers
ui-set-up = set up
ui-not-set-up = not set up
ui-browser-open = open: close it first
ui-no-profiles = No Firefox or Chrome profile found.
ui-module = Module
# The browser page: after a setup, without profiles, with the demo card.
ui-no-profiles-next = Open Firefox once (it creates its profile), close it, then press "{ ui-refresh }".
ui-firefox-profile = Firefox, profile "{ $name }"
ui-browser-done = Done: the browsers are set up.
ui-browser-done-cns = Close and reopen the browser, then on the portal choose the login with CNS (Carta Nazionale dei Servizi): the browser will ask for the card's PIN.
ui-browser-done-cie = Close and reopen the browser, then on the portal choose "Entra con CIE" and the login with the card on the computer: the browser will ask for the card's PIN.
ui-browser-demo = With the demo card Tessera leaves your browsers as they are: use the real card to set them up.
## Whole sentences with variables. $days, $count, $step: numbers (they choose the plural form).

# After the certificate's end date on the card screen: "(20 days left)".
days-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
# Above each wizard step, read aloud by the helpdesk: "Step 2 of 3".
wizard-step = Step { $step } of { $count }

## The help page: frequently asked questions and the steps the helpdesk reads aloud. "…" quotes
## a button exactly as the window labels it (the references keep them the same).

help-faq-title = Frequently asked questions
help-steps-intro = On the phone with the helpdesk: the step numbers are the ones you see in the window ("{ wizard-step-example }").
wizard-step-example = Step 2 of 3
faq-change-q = How do I change my PIN?
faq-change-start = On the card screen, press "{ ui-change-pin }".
faq-change-1 = Step 1 of 3: type your current PIN and press "{ ui-next }". Nothing is sent to the card yet.
faq-change-2 = Step 2 of 3: type the new PIN twice and press "{ ui-next }".
faq-change-3 = Step 3 of 3: check the summary and click "{ ui-confirm-change }": only that click changes the PIN, the Enter key does not. If one try is left, Tessera asks first: "{ ui-last-try-cancel }" goes back without using it.
faq-forgot-q = I forgot my PIN
faq-forgot-a = Do not try to guess it: after 3 wrong tries the PIN is blocked. The PUK unblocks it and lets you choose a new PIN.
faq-blocked-q = My PIN is blocked
faq-blocked-a = The PUK unblocks it, and you choose a new PIN. The PUK has a limited number of tries too: type it calmly.
faq-unblock-start = On the card screen, press "{ ui-unblock-pin }" (or "{ ui-forgot-pin }").
faq-unblock-1 = Step 1 of 3: type the PUK and press "{ ui-next }".
faq-unblock-2 = Step 2 of 3: type the new PIN twice and press "{ ui-next }".
faq-unblock-3 = Step 3 of 3: check the summary and click "{ ui-confirm-unblock }".
faq-puk-lost-q = I lost my PUK
faq-puk-blocked-q = My PUK is blocked
faq-lost-q = I lost my card
faq-browser-q = How do I log in to websites with the card?
faq-browser-1 = On the card screen, press "{ ui-browser }".
faq-browser-2 = Close Firefox, then press "{ ui-set-up-all }".
faq-browser-3 = Open the browser again, go to the website and choose to log in with the card (CNS, or "Entra con CIE" with the reader): the browser asks for the PIN.
faq-open = Go
help-report-intro = If you call the helpdesk, they will ask for these details: you can read them out, copy them or save them. The PIN is never in it.

## The helpdesk report (in the user's language; the helpdesk reads it back).

report-os = Operating system
report-service = Smart-card service
report-service-running = running
report-service-stopped = not running
report-service-demo = not used (demo card)
report-reader = Reader
# The demo card's simulated reader, where a reader's name is shown.
reader-demo = Tessera demo card (simulated)
report-card-in = card inserted
report-no-card = no card
report-pinpad-yes = with PIN pad
report-pinpad-no = without PIN pad
report-pinpad-unknown = PIN pad: unknown
report-card = Card
report-simulated = [SIMULATED / DEMO CARD]
report-card-number = Card number
report-pin-tries = PIN tries left
report-puk-tries = PUK tries left
report-unknown = unknown
report-windows-driver = Windows driver for this card
report-windows-no-driver = none (Windows has no driver for this card)
report-cert-until = Certificate expires
report-cert-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
report-holder = Holder
report-codice-fiscale = Codice fiscale
report-personal = Personal data
report-personal-left-out = not included
report-browser = Browser
report-browser-installed = Installed browser
report-browser-not-found = no browser found
report-set-up = set up
report-not-set-up = not set up
report-open = (open)
report-not-installed = not installed
report-recent-error = Recent error
# After an error repeated in the log: "(3 volte)".
report-error-times = { $count ->
    [one] once
   *[other] { $count } times
}
# The report's first line after the version: local date and time.
report-created = Report made

## Error messages, one pair per row of the error table (crates/tessera-core/src/error_table.rs and
## the app's rows in src/error.rs): err-MSG-what says what happened, err-MSG-next what to do next.
## Variables: $tries_left, $kind (PIN or PUK), $digits, $min, $max, $atr, $name (a reader), $path,
## $detail (the technical cause, for the helpdesk), $cause (what broke, a whole sentence), $dir, $hint,
## and the advice for the card's issuer: $puk_where, $puk_blocked, $still_works. A token such as
## {"{demo}"} (a quoted literal) stays as it is: the window turns it into a button or page name, the
## command line into a command.

-err-check-nothing-sent = Check it and try again: nothing was sent to the card.
err-no-service-what = The system's smart-card service is not running.
err-no-service-next = On Linux start pcscd{"{pcscd_cmd}"}; on Windows and macOS restart the computer. To try without a card: {"{demo}"}
err-no-reader-what = No smart-card reader is connected.
err-no-reader-next = Connect the reader and try again. To try Tessera without a reader: {"{demo}"}
err-unknown-reader-what = Reader not found: { $name }
err-unknown-reader-next = {"{readers_hint}"}
err-no-card-what = No card in the reader.
err-no-card-next = Insert the card with the chip facing up and try again.
err-card-removed-what = The card was removed during the operation.
err-card-removed-next = Reinsert the card and check the tries left before trying again; nothing is repeated automatically.
err-card-reset-what = Another program reset the card during the operation.
err-card-reset-next = Close other programs using the card (e.g. the browser), then try again; nothing is repeated automatically.
err-card-busy-what = The card is in use by another program.
err-card-busy-next = Close the other program (e.g. the browser) and try again.
err-card-unresponsive-what = The card does not respond.
err-card-unresponsive-next = Take the card out, check its orientation (chip up, towards the reader) and insert it again.
err-pcsc-interrupted-what = Operation interrupted.
err-pcsc-interrupted-next = Try again.
err-pcsc-error-what = Smart-card service error: { $detail }
err-pcsc-error-next = Unplug and replug the reader, then try again. If it persists, create a report for the helpdesk.
err-card-died-what = The card stopped answering during the operation.
err-card-died-next = Take the card out and put it back, then check the tries left before trying again; nothing is repeated automatically.
err-secure-channel-what = The secure channel with the card broke (altered data or interference).
err-secure-channel-next = Take the card out and put it back, check the tries left and try again; nothing is repeated automatically.
err-card-not-authentic-what = The card failed its authentication: it may not be a genuine CIE.
err-card-not-authentic-next = Do not type your PIN. Contact your municipality or the helpdesk with the report: {"{report}"}
err-simulated-card-what = This card authenticated with Tessera's public TEST authority: it is a simulated card, or a forgery that could read your PIN. No PIN was sent.
err-simulated-card-next = Do not type your PIN. Only for tests with Tessera's simulator: {"{allow_sim}"}
err-card-error-what = The card answered unexpectedly ({ $detail })
err-card-error-next = Try again; if it happens again, create a report for the helpdesk with: {"{report}"}
err-wrong-pin-what = Wrong PIN. Tries left: { $tries_left }.
err-wrong-pin-next = Check the PIN calmly before trying again. If you do not remember it, use the PUK: {"{forgot}"}
err-wrong-pin-now-blocked-what = Wrong PIN. The PIN is now BLOCKED.
err-wrong-pin-now-blocked-next = Unblock it with the PUK: {"{unblock}"}. { $puk_where }
err-wrong-puk-what = Wrong PUK. PUK tries left: { $tries_left }.
err-wrong-puk-next = { $puk_where } Check it before trying again: if the PUK tries run out the PIN can no longer be unblocked.
err-wrong-puk-now-blocked-what = Wrong PUK. The PUK is now BLOCKED as well: the PIN can no longer be unblocked.
err-wrong-puk-now-blocked-next = { $puk_blocked } { $still_works }
err-pin-blocked-what = The PIN is blocked (too many wrong tries).
err-pin-blocked-next = Unblock it with the PUK and choose a new PIN: {"{unblock}"}.
err-puk-blocked-what = The PUK is blocked: the PIN can no longer be unblocked.
err-puk-blocked-next = { $puk_blocked } { $still_works }
err-login-expired-what = The card login is no longer valid: a wrong PIN was tried since. The stored PIN was not sent.
err-login-expired-next = Log in again with your PIN.
err-last-try-pin-what = { text-last-try-warning-pin }
err-last-try-pin-next = {"{last_try_hint}"}
err-last-try-puk-what = { text-last-try-warning-puk }
err-last-try-puk-next = {"{last_try_hint}"}
err-last-try-unknown-what = { text-unknown-tries-warning }
err-last-try-unknown-next = {"{last_try_hint}"}
err-cancelled-what = { text-cancelled }
err-cancelled-next = You can try again whenever you like.
err-pins-differ-what = The two new PINs you typed differ.
err-pins-differ-next = Nothing was sent to the card: try again.
err-same-pin-what = The new PIN is the same as the current one.
err-same-pin-next = Choose a different PIN: nothing was sent to the card.
err-pin-refused-by-card-what = The card refused the new PIN.
err-pin-refused-by-card-next = Use 5 to 8 digits and try again.
err-secret-empty-what = The { $kind } is empty.
err-secret-empty-next = { -err-check-nothing-sent }
err-secret-missing-what = The { $kind } was not given: the input ended first.
err-secret-missing-next = { -err-check-nothing-sent }
err-secret-not-text-what = The { $kind } contains bytes that are not text.
err-secret-not-text-next = { -err-check-nothing-sent }
err-secret-too-long-what = The { $kind } is far too long: it was not read in full.
err-secret-too-long-next = { -err-check-nothing-sent }
err-secret-spaces-what = The { $kind } contains spaces.
err-secret-spaces-next = { -err-check-nothing-sent }
err-secret-other-digits-what = The { $kind } contains digits of another script: use only the digits 0-9.
err-secret-other-digits-next = { -err-check-nothing-sent }
err-secret-not-digits-what = The { $kind } must contain digits only (0-9).
err-secret-not-digits-next = { -err-check-nothing-sent }
err-secret-exact-length-what = The { $kind } must have exactly { $digits } digits.
err-secret-exact-length-next = { -err-check-nothing-sent }
err-secret-length-range-what = The { $kind } must have { $min } to { $max } digits.
err-secret-length-range-next = { -err-check-nothing-sent }
err-interrupted-nothing-sent-what = { $cause } No PIN or PUK reached the card: the PIN did not change and no try was used.
err-interrupted-nothing-sent-next = Put the card back and try again.
err-interrupted-check-change-what = { $cause } The PIN was NOT changed. The current PIN reached the card to be checked: if it was wrong, a try was used.
err-interrupted-check-change-next = Your old PIN is still the valid one. Put the card back: Tessera reads the tries left (without using one) and tells you whether the PIN you typed was right.
err-interrupted-check-unblock-what = { $cause } The PIN was NOT unblocked. The PUK reached the card to be checked: if it was wrong, a PUK try was used.
err-interrupted-check-unblock-next = Put the card back: Tessera reads the tries left (without using one) and tells you whether the PUK was right.
err-interrupted-change-what = { $cause } The PIN change may have reached the card before the connection was lost: Tessera cannot know whether the card carried it out.
err-interrupted-change-next = Do not try any PIN yet. Put the card back: Tessera reads the tries left (without using one) and tells you which PIN is valid, when the counters can tell.
err-interrupted-unblock-what = { $cause } The unblock may have reached the card before the connection was lost: Tessera cannot know whether the card carried it out.
err-interrupted-unblock-next = Do not repeat the unblock or try any PIN yet. Put the card back: Tessera reads the tries left (without using one) and tells you whether the new PIN is in force, when the counters can tell.
err-unsupported-cie-what = This is an electronic identity card (CIE): this version does not handle it yet. (ATR { $atr })
err-unsupported-cie-next = For the CIE, use the official CieID software for now.
err-unsupported-card-what = Card not recognised: it is neither a CPS/CNS nor a CIE. (ATR { $atr })
err-unsupported-card-next = Check that you inserted the Carta Provinciale dei Servizi (health card) and not another card.
err-card-model-not-supported-what = This is a CNS card, but of a model Tessera cannot read yet: it found neither the holder's data nor the certificate. (ATR { $atr })
err-card-model-not-supported-next = The card is not damaged and no PIN was used. Send the report ({"{report}"}) to Tessera's developers so that the model can be added.
err-bad-certificate-what = The certificate on the card cannot be read ({ $detail })
err-bad-certificate-next = Contact the helpdesk: the card may need replacing.
err-no-certificate-what = Tessera did not find the authentication certificate where the card models it knows keep it.
err-no-certificate-next = It may be a card model Tessera does not know yet (send the report: {"{report}"}), or a card never activated for online services (then ask the office that issued it).
err-io-not-found-what = Cannot write { $path }: the folder does not exist.
err-io-not-found-next = Create the folder first, or choose a folder that already exists.
err-io-exists-what = Cannot write { $path }: the file already exists.
err-io-exists-next = {"{replace_hint}"}
err-io-denied-what = Cannot write { $path }: you may not write there.
err-io-denied-next = Choose a folder of your own, for example Documents.
err-io-full-what = Cannot write { $path }: the disk is full.
err-io-full-next = Free some space or choose another disk. The previous file, if there was one, is unchanged.
err-io-other-what = Cannot write { $path }: { $detail }
err-io-other-next = Choose another folder or file name.
err-browser-running-what = Firefox is open on this profile: the setup was not changed. ({ $dir })
err-browser-running-next = Close Firefox and try again.
err-no-pkcs11-module-what = The module that lets the browser use the card is not installed.
err-no-pkcs11-module-next = Install: { $hint }
err-browser-policy-what = The Firefox policy file cannot be read: { $path } ({ $detail })
err-browser-policy-next = The file was NOT changed. Fix it (it must be JSON with a "policies" object) and try again.
err-browser-read-only-what = The browser's module list is read-only, so Tessera left it as it is: { $path }
err-browser-read-only-next = If you made it read-only on purpose, add the module yourself; otherwise make the file writable and try again.
err-browser-database-what = The browser database cannot be changed ({ $detail })
err-browser-database-next = Open the browser once, close it and try again.
err-internal-error-what = Internal error in Tessera: the operation was stopped. ({ $detail })
err-internal-error-next = Take the card out, put it back and look at the tries left before trying again. Send the report to the developers.


err-checked-card-had-carried-out = Checked: the card had carried out the change. The NEW PIN is in force (the counter is back to its maximum).
err-use-new-pin-from-now = Use the new PIN from now on. No need to repeat the change.
err-checked-card-had-carried-out-2 = Checked: the card had carried out the unblock. The PIN is unblocked and the NEW PIN is in force.
err-use-new-pin-from-now-2 = Use the new PIN from now on. No need to repeat the unblock.
err-old-pin-still-valid-one-2 = Your old PIN is still the valid one: check it calmly before trying again.
err-check-puk-before-trying-again = Check the PUK before trying again.
err-can-try-again = You can try again.
err-next-time-try-new-pin = Finding out costs at most one try: next time, try the NEW PIN; if the card refuses it, the old PIN is the valid one (you will have one try fewer). Do not try any other PIN.
err-next-time-try-new-pin-2 = Finding out costs at most one try: next time, try the NEW PIN; if the card refuses it, the PIN from before is the valid one (you will have one try fewer). Do not repeat the unblock before trying.
err-checked-change-did-not-happen = Checked: the change did NOT happen because the current PIN you typed was wrong. PIN tries left: { $pin_left }.
err-checked-unblock-did-not-happen = Checked: the unblock did NOT happen because the PUK was wrong. PUK tries left: { $puk_left }.
err-change-outcome-unknown = The counters do not show whether the change happened (PIN tries left: { $pin_left }, as before): the old PIN or the new one may be in force.
err-unblock-outcome-unknown = The counters do not show whether the unblock happened (PIN tries: { $pin_left }, PUK: { $puk_left }): the new PIN or the one from before may be in force.
err-change-not-done-no-try-used = Checked: the change did NOT happen and no try was used. The old PIN is still in force.
err-change-not-done = Checked: the change did NOT happen. The old PIN is still in force.
err-unblock-not-done-no-try-used = Checked: the unblock did NOT happen and no PUK try was used.
err-unblock-not-done = Checked: the unblock did NOT happen.
err-next-time-counter-unknown = The card does not show its tries left, so a wrong guess could be the last one: try the NEW PIN first, and the old one only if you are sure of it. If in doubt, unblock with the PUK instead.
err-unchecked-check-change = The PIN was NOT changed: the old PIN is still valid. Before trying again, look at the PIN tries left with Tessera (no try is used): they were { $before }; one fewer means the current PIN you typed was wrong.
err-unchecked-check-unblock = The PIN was NOT unblocked. Before trying again, look at the PUK tries left with Tessera (no try is used): they were { $before }; one fewer means the PUK you typed was wrong.
err-unchecked-change = Before the change the PIN had { $before } tries left. When the card is back, look at them with Tessera before using any PIN (no try is used): { $max } means the new PIN is in force; { $before } means the change did not happen; { $fewer } means the current PIN you typed was wrong. In the last two cases the old PIN is valid.
err-unchecked-unblock = Before the unblock the PIN had { $before } tries left. When the card is back, look at the tries with Tessera before using any PIN (no try is used): PIN back to { $max } means it is unblocked with the new PIN; PIN still at { $before } means the unblock did not happen (and if the PUK tries went down by one, the PUK was wrong). Do not repeat the unblock before looking.
err-unchecked-full = The PIN counter was full before ({ $max }). When the card is back, look at the tries left with Tessera before using any PIN (no try is used): { $fewer } means the current PIN you typed was wrong and the old PIN is valid; { $max } cannot tell — either PIN may be in force, and finding out costs at most one try: try the NEW PIN first; if the card refuses it, the old PIN is valid. Do not try any other PIN.
err-unchecked-full-unblock = The PIN was not blocked before (its counter was full, { $max }). When the card is back, look at the tries left with Tessera before using any PIN (no try is used): PUK tries one fewer means the PUK was wrong and nothing changed; otherwise either PIN may be in force, and finding out costs at most one try: try the NEW PIN first; if the card refuses it, the PIN from before is valid.
err-unchecked-unknown = The card did not show its counter before, so either PIN may be in force. Before trying any, look at the tries left with Tessera (no try is used); if only one is left, unblock with the PUK instead of guessing.

## What to do and where to go, per issuer of the card (advice-ISSUER-…): cps = the Trentino CPS
## (APSS), ts-cns = other regions' health cards, cie = the identity card (the Comune), unknown =
## a card whose issuer is not known (no office is named).

advice-cps-puk-where = The PUK (8 digits) is in the envelope with the PIN and PUK you received with the card.
advice-cps-puk-blocked = You need a new card: request it at an APSS health-district desk or from the Agenzia delle Entrate, with an identity document.
advice-cps-still-works = The card still works as a health card: no PIN is needed at the doctor's or the pharmacy.
advice-cps-expiring = Renew the card online on the Province's portal BEFORE it expires (this needs the card while still valid), or at an APSS desk.
advice-cps-expired = Online services can no longer be reached with this card. Request the new card at an APSS desk or from the Agenzia delle Entrate.
advice-cps-lost = Block it at once by calling the toll-free number 800 22 80 40 with your CIP code, then ask for a new card at an APSS desk.
advice-ts-cns-puk-where = The PUK (8 digits) is in the envelope with the PIN and PUK given with the card or when it was activated.
advice-ts-cns-puk-blocked = You need a new card: ask the office that issued it (your region's health service or an Agenzia delle Entrate office), with an identity document.
advice-ts-cns-still-works = The card still works as a health card: no PIN is needed at the doctor's or the pharmacy.
advice-ts-cns-expiring = The new card usually arrives by post before expiry; if it does not, ask your health service or the Agenzia delle Entrate.
advice-ts-cns-expired = Online services can no longer be reached with this card. Ask your region's health service or the Agenzia delle Entrate for the new card.
advice-ts-cns-lost = Ask the Agenzia delle Entrate or your region's health service to block it and issue a duplicate.
advice-cie-puk-where = The CIE's PUK has 8 digits in two halves: the first 4 are on the receipt the Comune gave you when you applied, the last 4 in the letter that came with the card. If you lost them, the CieID app offers "Recupero PUK", or the Comune can reprint them.
advice-cie-puk-lost = In the CieID app, from the menu, "Recupero PUK": the answer comes within 48 hours and needs the phone number or e-mail address you gave the Comune when you applied for the card. Otherwise ask your Comune to reprint PIN and PUK (usually by e-mail, with a copy of the card): the first half is collected at the office, the second arrives by e-mail within 5 working days. With the PUK, CieID's "Sblocca carta" also sets a new PIN.
advice-cie-puk-blocked = Go to the registry office (anagrafe) of your Comune: it can reprint the codes or issue a new card.
advice-cie-still-works = The CIE is still valid as an identity document: only its online use with the PIN is lost.
advice-cie-expiring = For the new CIE, book an appointment at your Comune's registry office before the expiry date.
advice-cie-expired = The CIE's certificate has expired: online services can no longer be reached. Ask your Comune for the new card.
advice-cie-lost = Report the loss or theft to the Police or Carabinieri, then ask your Comune for a new card with the report.
advice-unknown-puk-where = The PUK (8 digits) is among the codes given with the card.
advice-unknown-puk-blocked = You need a new card or a reprint of the codes: ask the office that issued the card, with an identity document.
advice-unknown-expiring = Ask the office that issued the card for a renewal before it expires.
advice-unknown-expired = Online services can no longer be reached with this card. Ask the office that issued it for a new card.
advice-unknown-lost = Ask the office that issued the card to block it at once.

## The ways to act that messages name ({"{demo}"}, {"{report}"}…): -window in the window (its own
## buttons and menus, never a command), -cli on the command line. action-quoted: how the language
## quotes a button's name.
action-menu = menu
action-quoted = “{ $label }”
action-readers-hint-window = The readers Tessera sees are listed on the home screen.
action-readers-hint-cli = List the readers with: tessera readers
action-allow-sim-window = the window does not allow it.
action-allow-sim-cli = add --allow-simulated-card.
action-replace-hint-window = Choose another file name.
action-replace-hint-cli = Choose another file name, or use --force to replace the existing file.
action-last-try-hint-window = Nothing was sent.
action-last-try-hint-cli = Nothing was sent. If you are sure, repeat the command adding --confirm-last-try.

## The command line only.
cli-no-browser-profile-found-firefox = No browser profile found (Firefox, Chrome).
cli-changed = changed
cli-already-so = already so
cli-set-up = set up
cli-not-set-up = not set up
cli-test-really-verifies-pin-wrong = The test really verifies the PIN: a wrong PIN uses up one try.
cli-certificate-dates = Certificate dates
cli-signature-cards-key = Signature with the card's key
cli-signature-verification = Signature verification

## The demo card's training states (the Demo card menu).
preset-1-pin-try-left = 1 PIN try left
preset-pin-blocked = PIN blocked
preset-pin-blocked-2-puk-tries = PIN blocked, 2 PUK tries
preset-puk-blocked = PUK blocked
preset-certificate-expiring = Certificate expiring
preset-certificate-expired = Certificate expired
preset-new-card = New card

## Warnings about a weak new PIN (the wizard's step 3 and the command line).
warning-new-pin-has-all-digits = The new PIN has all digits the same: it is easy to guess.
warning-new-pin-sequence-like-12345 = The new PIN is a sequence (like 12345): it is easy to guess.
warning-new-pin-birth-date-easy = The new PIN is your birth date: it is easy to guess.

## The PIN wizards. $card: type · number · holder; $tries: a number, or "unknown" when the card does not say.
wizard-unknown = unknown
wizard-summary-change = You are about to change the PIN of the card { $card }. PIN tries left: { $tries }.
wizard-summary-unblock = You are about to unblock the PIN of the card { $card } with the PUK and set the new PIN. PUK tries left: { $tries }.

## Dates as people write them: "28 novembre 2031", "28 November 2031", "28. November 2031".
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The card self-test's details.
selftest-dates = from { $from } to { $until } ({ $days ->
    [one] 1 day left
   *[other] { $days } days left
})
selftest-pin-verified = PIN verified
selftest-signed = a { $bytes }-byte signature
selftest-matches = matches the certificate's public key
selftest-no-match = does NOT match the certificate
selftest-wrong = wrong { $kind }: { $tries ->
    [one] 1 try left
   *[other] { $tries } tries left
}

## A certificate's key usages, as the certificate screen and `tessera cert show` name them.
key-usage-digital-signature = digital signature
key-usage-non-repudiation = non-repudiation
key-usage-key-encipherment = key encipherment
key-usage-data-encipherment = data encipherment
key-usage-key-agreement = key agreement
key-usage-client-auth = logging in to websites (authentication)
key-usage-email-protection = protected e-mail
key-usage-server-auth = server identification
key-usage-code-signing = code signing

## The error log the helpdesk report shows (written in the user's language).
log-selftest-failed = the card self-test failed

## The command line's help (tessera --help, tessera <command> --help) and usage errors.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-value-command = COMMAND
cli-word-options = [OPTIONS]
cli-word-default = [default:{" "}
cli-word-env = [env:{" "}
cli-word-possible = [possible values:{" "}
cli-help-flag = Print this help
cli-version-flag = Print the version
cli-error = error:
cli-error-unknown-argument = there is no option "{ $arg }".
cli-error-unknown-command = there is no command "{ $arg }".
cli-error-invalid-value = "{ $value }" is not a valid value for { $arg }.
cli-error-missing = { $arg } is missing.
cli-error-missing-command = the command is missing.
cli-error-no-equals = { $arg } takes its value after "=", e.g. --demo=pin-blocked.
cli-error-conflict = { $arg } cannot be used with { $other }.
cli-error-too-many = { $arg } is given more times than allowed.
cli-error-valid-values = Possible values: { $values }
cli-error-did-you-mean = Did you mean "{ $name }"?
cli-error-more = For help: tessera --help (or tessera <command> --help).
cli-value-lang = Tessera speaks it (italiano), en (English) and de (Deutsch)
cli-value-model-not-state = '{ $value }' is a card model, not a card state: use --demo --demo-profile { $value } (states: { $states })
cli-value-states = The demo card states are { $states }
cli-value-models = The demo card models are { $models }
cli-value-did-you-mean = ; did you mean '{ $name }'?
cli = Tessera: manage your CPS / CNS / CIE card (PIN, PUK, certificate). Without a command it opens the window.
cli-arg-lang = Language of messages: it, en, de (default: the system's).
cli-arg-verbose = More log output on stderr (-v debug, -vv APDU trace; PINs are always redacted).
cli-arg-window-demo = Without a command: open the window on the simulated demo card; optional state (fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired).
cli-arg-window-demo-profile = Without a command: model of the demo card (cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto).
cli-readers = List smart-card readers and whether a card is inserted.
cli-arg-json = Machine-readable JSON output on stdout.
cli-status = Show the card: type, holder, card number, certificate, PIN and PUK tries left (no try spent).
cli-arg-reader = Use the card in this reader (default: the first reader with a card).
cli-arg-demo = Use the simulated demo card instead of a real one; optional state: fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired.
cli-arg-demo-profile = Model of the demo card: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-arg-allow-simulated-card = Let a card of Tessera's public test authority (the simulator in a real reader) receive a PIN. Without it, such a card is refused before any PIN is sent.
cli-pin = Change or unblock the PIN.
cli-pin-change = Change the PIN (asks for the current PIN and the new one twice).
cli-arg-confirm-last-try = Go ahead even if this may be the last PIN try.
cli-pin-unblock = Unblock the PIN with the PUK and set a new PIN.
cli-pin-unblock--confirm-last-try = Go ahead even if this may be the last PUK try.
cli-cert = Show or export the authentication certificate.
cli-cert-show = Show the authentication certificate.
cli-cert-export = Save the authentication certificate to a file.
cli-arg-format = File format.
cli-arg-out = Output file (default: certificato-<codice fiscale>.pem|der in your documents folder).
cli-arg-force = Replace the file if it exists.
cli-atr = Explain an ATR (as pasted from a report): card type, vendor, version.
cli-arg-hex = The ATR in hex, e.g. "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C".
cli-browser = Browser login: show, set up or remove the card's PKCS#11 module in Firefox and Chrome.
cli-browser-status = For each browser profile: is the card's module registered?
cli-browser-setup = Register the card's module in every browser profile (Firefox must be closed).
cli-browser-remove = Remove the card's module from every browser profile.
cli-arg-nss-db = Only this NSS database folder (instead of every profile found).
cli-arg-card-type = The card type to set up for (CPS, TS-CNS, CNS, CIE); default: the inserted card's.
cli-arg-module = The PKCS#11 module: tessera (default, every card), opensc (classic CNS lots only), cie (the official CIE module), or a path to a library.
cli-arg-policy-file = Also write the Firefox enterprise policy (SecurityDevices) to this file (for admins), e.g. /etc/firefox/policies/policies.json.
cli-report = A report for the helpdesk (no personal data unless asked; never a PIN).
cli-arg-include-personal-data = Include the holder's name and codice fiscale.
cli-report--out = Write the report to this file as well (an existing file only with --force).
cli-report--force = Replace the --out file if it exists.
cli-selftest = Test the card: certificate dates, PIN (a real try), a signature and its verification.
cli-simulate = Run a simulated card in the vsmartcard virtual reader (vpcd), for tests and training.
cli-simulate--profile = Card model: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-simulate--preset = Starting state (see --demo).
cli-simulate--pin = The simulated card's PIN (a test value, never a real PIN).
cli-simulate--puk = The simulated card's PUK (a test value, never a real PUK).
cli-simulate--vpcd = vpcd address.
cli-simulate--forever = Keep re-inserting the card after vpcd or a fault drops it.
cli-simulate--write-ca = Also write the simulator's test CA certificate (PEM) here: what a test TLS server trusts to accept the simulated card's certificate.
