# Tessera — English.
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Reader
text-card-type = Card type
text-model = Model
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
text-waiting-for-other-program = Waiting for another program (a browser, other card software) to release the card…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Stopped waiting: nothing was sent to the card. Close the browser or the other program and try again.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = A PIN or PUK had already been sent: it may have reached the card. Take the card out, put it back and look at the tries left before trying again.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = No PIN or PUK had been sent.
# The card does not answer (window banner).
text-card-does-not-answer = The card has not answered for 15 seconds.
# Take the card out to free the reader.
text-take-card-out = Take the card out of the reader and put it back.
# The card did not come back in time after an interruption.
text-could-not-check = The card could not be read. When you put it back, open Tessera and look at the tries left before using any PIN: if the PIN counter is full after a change, the new PIN is in force.
text-pin-unblocked = PIN unblocked and replaced by the new PIN. You have 3 tries again.
text-last-try-warning-pin = WARNING: only ONE PIN try is left. If it is wrong, the PIN blocks and you will need the PUK.
text-last-try-warning-puk = WARNING: only ONE PUK try is left. If it is wrong, the card becomes unusable.
text-unknown-tries-warning = The card does not tell how many tries are left: this could be the last one.
text-confirm-last-try = Do you really want to use this try? Type YES to continue: 
text-weak-pin-use-anyway = Use it anyway? [y/N] 
text-cancelled = Cancelled: nothing was sent to the card.
text-no-readers = No smart-card reader found. Connect the reader; to try Tessera without a card: tessera status --demo
text-card-present = card inserted
text-no-card-in-reader = no card
text-exported = Certificate saved to
text-puk-low-warning = Few PUK tries are left: check the PUK carefully (the envelope that came with the card) before typing it.
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
ui-pin-step-1help = Type the PIN you use today. Nothing is sent to the card until you confirm at step 3.
ui-pin-step-2help = Choose the new PIN and type it twice.
ui-puk-step-1help = The PUK is in the envelope that came with the card (8 digits).
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
faq-change-3 = Step 3 of 3: check the summary and click "{ ui-confirm-change }". The Enter key sends nothing here.
faq-forgot-q = I forgot my PIN
faq-forgot-a = Do not try to guess it: after 3 wrong tries the PIN is blocked. The PUK unblocks it and lets you choose a new PIN.
faq-blocked-q = My PIN is blocked
faq-blocked-a = The PUK unblocks it, and you choose a new PIN. The PUK has a limited number of tries too: type it calmly.
faq-unblock-start = On the card screen, press "{ ui-unblock-pin }" (or "{ ui-forgot-pin }").
faq-unblock-1 = Step 1 of 3: type the PUK and press "{ ui-next }".
faq-unblock-2 = Step 2 of 3: type the new PIN twice and press "{ ui-next }".
faq-unblock-3 = Step 3 of 3: check the summary and click "{ ui-confirm-unblock }".
faq-puk-q = I lost my PUK, or my PUK is blocked
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
