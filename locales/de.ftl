# Tessera — Deutsch.
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Lesegerät
text-card-type = Kartentyp
text-model = Modell
model-note-signature-token = Signatur-Token: ohne Daten der Gesundheitskarte
model-note-selected-by-aid = CNS-Anwendung über ihre AID gefunden
text-holder = Inhaber
text-codice-fiscale = Steuernummer (codice fiscale)
text-card-number = Kartennummer
text-certificate = Zertifikat
text-valid-until = gültig bis
text-days-left = Tage übrig
text-expired = ABGELAUFEN
text-pin-tries = Verbleibende PIN-Versuche
text-puk-tries = Verbleibende PUK-Versuche
text-unknown = unbekannt (die Karte teilt es nicht mit)
text-pin-in-use = jetzt nicht sichtbar: ein Programm ist mit der Karte angemeldet (Ihr Browser?). Abmelden oder schließen, um die Versuche zu sehen.
text-blocked = GESPERRT
text-issuer = Aussteller
text-serial = Seriennummer
text-valid-from = Gültig ab
text-key-usage = Schlüsselverwendung
text-public-key = Öffentlicher Schlüssel
text-subject = Inhaber-DN
text-demo-banner = DEMO-KARTE: eine simulierte Karte zum Üben, keine echte Karte.
text-prompt-current-pin = Aktuelle PIN: 
text-prompt-new-pin = Neue PIN: 
text-prompt-new-pin-again = Neue PIN wiederholen: 
text-prompt-puk = PUK: 
text-pin-changed = PIN geändert. Verwenden Sie ab jetzt die neue PIN.
# Put the card back after an interrupted PIN operation: only counters are read.
text-put-card-back-to-check = Stecken Sie die Karte wieder in dasselbe Lesegerät: Tessera liest nur die verbleibenden Versuche (keine PIN wird gesendet).
# The CLI waits for the card to come back.
text-waiting-up-to-60s = Warte bis zu 60 Sekunden…
# Another program holds the card (said after a second of waiting).
text-waiting-for-other-program = Warte auf die Karte: Ein anderes Programm (Browser, andere Kartensoftware) verwendet sie möglicherweise, oder Karte oder Lesegerät sind noch mit einem früheren Vorgang beschäftigt…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Warten beendet: Nichts wurde an die Karte gesendet. Schließen Sie den Browser oder andere Kartenprogramme; ist keines geöffnet, nehmen Sie die Karte heraus und stecken Sie sie wieder ein. Versuchen Sie es dann erneut.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = Eine PIN oder PUK war bereits gesendet: Sie hat die Karte möglicherweise erreicht. Karte herausnehmen, wieder einstecken und die verbleibenden Versuche prüfen, bevor Sie es erneut versuchen.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = Keine PIN oder PUK war gesendet worden.
# The card went silent after a PIN or PUK was sent: take it out, the counters are then read.
text-mute-take-out-to-check = Die Karte antwortet nicht, und eine PIN oder PUK war bereits gesendet: Sie hat die Karte möglicherweise erreicht. Nehmen Sie die Karte aus dem Lesegerät und stecken Sie sie wieder ein: Tessera liest dann die verbleibenden Versuche (ohne PIN zu senden) und sagt Ihnen, was geschehen ist.
# The card does not answer (window banner).
text-card-does-not-answer = Die Karte antwortet seit 15 Sekunden nicht.
# Take the card out to free the reader.
text-take-card-out = Nehmen Sie die Karte aus dem Lesegerät und stecken Sie sie wieder ein.
# The card did not come back in time after an interruption.
text-could-not-check = Die Karte konnte nicht gelesen werden, daher konnte Tessera nicht prüfen, was geschehen ist.
text-pin-unblocked = PIN entsperrt und durch die neue PIN ersetzt. Sie haben wieder 3 Versuche.
text-last-try-warning-pin = ACHTUNG: Nur noch EIN PIN-Versuch. Ist er falsch, wird die PIN gesperrt und Sie brauchen die PUK.
text-last-try-warning-puk = ACHTUNG: Nur noch EIN PUK-Versuch. Ist er falsch, ist die PUK endgültig gesperrt: Die PIN lässt sich nicht mehr entsperren, und für Online-Dienste wird eine neue Karte nötig (als Gesundheitskarte oder Ausweis bleibt die Karte gültig).
text-unknown-tries-warning = Die Karte teilt nicht mit, wie viele Versuche bleiben: dies könnte der letzte sein.
text-confirm-last-try = Möchten Sie diesen Versuch wirklich verwenden? Geben Sie JA ein, um fortzufahren: 
text-weak-pin-use-anyway = Trotzdem verwenden? [j/N] 
text-cancelled = Abgebrochen: nichts wurde an die Karte gesendet.
text-no-readers = Kein Kartenlesegerät gefunden. Schließen Sie das Lesegerät an; zum Ausprobieren ohne Karte: tessera status --demo
text-card-present = Karte eingesteckt
text-no-card-in-reader = keine Karte
text-exported = Zertifikat gespeichert in
text-puk-low-warning = Es bleiben nur wenige PUK-Versuche: Prüfen Sie die PUK sorgfältig, bevor Sie sie eingeben.
text-supported = von Tessera unterstützt
text-not-supported = nicht von Tessera unterstützt
text-maybe-cns-over-nfc = möglicherweise eine CNS über NFC (kontaktlos): Legen Sie sie zum Prüfen auf das Lesegerät
text-simulated-card = SIMULIERTE KARTE: Diese Karte ist Tesseras Simulator (Test-Zertifizierungsstelle), keine echte Karte.

## The desktop window: menus, buttons, labels, screen texts.

ui-app-title = Tessera
ui-demo-mode = DEMO-MODUS — simulierte Karte, nicht echt
ui-demo-menu = Demo-Karte
ui-demo-cps = CPS Trentino
ui-demo-ts-cns = TS-CNS
ui-demo-ace-2025 = TS-CNS ACe 2025
ui-demo-idemia-2021 = TS-CNS IDEMIA 2021
ui-demo-cie = CIE 3.0
ui-demo-no-reader = Kein Lesegerät
ui-demo-unknown-card = Unbekannte Karte
ui-use-demo-card = Demo-Karte ausprobieren
ui-use-real-card = Echte Karte verwenden
ui-language = Sprache
ui-about = Über
ui-about-text = Tessera verwaltet die Carta Provinciale dei Servizi, CNS-Karten und den CIE: PIN ändern, mit der PUK entsperren, Zertifikat.
ui-version = Version
ui-close = Schließen
ui-home = Karte
ui-back = Zurück
ui-next = Weiter
ui-cancel = Abbrechen
# Stop waiting for a mute card.
ui-stop-waiting = Nicht mehr warten
ui-confirm = Bestätigen
ui-done = Fertig
ui-retry = Erneut versuchen
ui-refresh = Aktualisieren
ui-copy = Kopieren
ui-copied = Kopiert
# The menu with theme and text size.
ui-appearance = Darstellung
ui-theme-system = Wie das System
ui-theme-light = Hell
ui-theme-dark = Dunkel
ui-text-size = Textgröße
ui-replace-file = Vorhandene Datei ersetzen
ui-save-as = Speichern unter…
ui-open-folder = Ordner öffnen
ui-or-type-path = Oder geben Sie den Speicherort ein:
ui-change-pin = PIN ändern
ui-unblock-pin = PIN entsperren
ui-forgot-pin = PIN vergessen
ui-certificate = Zertifikat
ui-details = Details
ui-helpdesk-details = Details für den Support
ui-current-pin-label = Aktuelle PIN
ui-new-pin-label = Neue PIN
ui-new-pin-again-label = Neue PIN wiederholen
ui-puk-label = PUK
ui-rule-length = Richtige Länge
ui-rule-digits = Nur Ziffern 0-9
ui-rule-differs = Anders als die aktuelle PIN
ui-rule-matches = Beide Eingaben stimmen überein
ui-tries-of-max = Versuche übrig
ui-summary = Zusammenfassung
ui-confirm-change = PIN jetzt ändern
ui-confirm-unblock = PIN jetzt entsperren
ui-last-try-title = Letzter Versuch
ui-last-try-continue = Ja, letzten Versuch verwenden
ui-last-try-cancel = Nein, jetzt nicht
ui-last-try-hint = Wenn Sie sich der PIN nicht sicher sind, nutzen Sie „PIN vergessen“: Die PUK entsperrt sie ohne den letzten Versuch zu riskieren.
# In the last-try dialog of a PIN: the safe way, to the unblock with the PUK.
ui-last-try-use-puk = Stattdessen die PUK verwenden
# On the card screen with a blocked PIN: to the help page's answer on a lost PUK.
ui-no-puk = Keine PUK?
ui-working = Bitte warten: Die Karte arbeitet…
ui-changed-title = PIN geändert
ui-unblocked-title = PIN entsperrt
ui-failed-title = Der Vorgang ist fehlgeschlagen
ui-puk-blocked-title = Die Karte kann nicht entsperrt werden
ui-pin-blocked-notice = Die PIN ist gesperrt.
ui-readers = Lesegeräte
ui-no-card-title = Stecken Sie Ihre Karte ein
ui-card-busy-title = Karte belegt
ui-export-pem = Als PEM (Text) speichern
ui-export-der = Als DER (binär) speichern
ui-save-to = Speichern unter
ui-save = Speichern
ui-saved = Gespeichert unter
ui-valid-from = Gültig ab
ui-valid-until = Gültig bis
ui-serial = Seriennummer
ui-issuer = Aussteller
ui-key-usage = Schlüsselverwendung
ui-expired = ABGELAUFEN
ui-pin-step-1help = Geben Sie die aktuelle PIN der Karte ein. Nichts wird an die Karte gesendet, bevor Sie in Schritt 3 bestätigen.
ui-pin-step-2help = Wählen Sie die neue PIN und geben Sie sie zweimal ein.
ui-card-removed-notice = Die Karte wurde entfernt.
ui-simulated = SIMULIERTE KARTE (Test-Zertifizierungsstelle)
ui-help = Hilfe
ui-report-title = Bericht für den Support
ui-include-personal = Name und Steuernummer einschließen
ui-save-report = Bericht speichern
ui-selftest = Karte testen
ui-selftest-help = Der Test prüft das Zertifikat, prüft die PIN wirklich (eine falsche PIN verbraucht einen Versuch), signiert Zufallsdaten mit der Karte und prüft die Signatur.
ui-run-selftest = Test starten
ui-step-cert-dates = Zertifikatsdaten
ui-step-pin = PIN-Prüfung
ui-step-signature = Signatur mit dem Kartenschlüssel
ui-step-verified = Prüfung der Signatur
ui-passed = bestanden
ui-failed = NICHT bestanden
ui-not-run = nicht ausgeführt
ui-selftest-ok = Die Karte funktioniert.
ui-selftest-ko = Der Test hat ein Problem gefunden.
ui-browser = Browser
ui-browser-help = Um sich mit der Karte bei Online-Diensten anzumelden, muss der Browser das Kartenmodul verwenden. Schließen Sie Firefox vor der Einrichtung.
ui-set-up-all = Alle Browser einrichten
ui-remove-all = Aus den Browsern entfernen
ui-set-up = eingerichtet
ui-not-set-up = nicht eingerichtet
ui-browser-open = geöffnet: zuerst schließen
ui-no-profiles = Kein Firefox- oder Chrome-Profil gefunden.
ui-module = Modul
# The browser page: after a setup, without profiles, with the demo card.
ui-no-profiles-next = Öffnen Sie Firefox einmal (es legt sein Profil an), schließen Sie es und drücken Sie dann „{ ui-refresh }“.
ui-firefox-profile = Firefox, Profil „{ $name }“
ui-browser-done = Erledigt: Die Browser sind eingerichtet.
ui-browser-done-cns = Schließen und öffnen Sie den Browser neu und wählen Sie im Portal die Anmeldung mit CNS (Carta Nazionale dei Servizi): Der Browser fragt nach der PIN der Karte.
ui-browser-done-cie = Schließen und öffnen Sie den Browser neu und wählen Sie im Portal „Entra con CIE“ und die Anmeldung mit der Karte am Computer: Der Browser fragt nach der PIN der Karte.
ui-browser-demo = Mit der Demokarte lässt Tessera Ihre Browser unverändert: Richten Sie sie mit der echten Karte ein.
## Whole sentences with variables. $days, $count, $step: numbers (they choose the plural form).

# After the certificate's end date on the card screen: "(noch 20 Tage)".
days-left = { $days ->
    [one] noch 1 Tag
   *[other] noch { $days } Tage
}
# Above each wizard step, read aloud by the helpdesk: "Schritt 2 von 3".
wizard-step = Schritt { $step } von { $count }

## The help page: frequently asked questions and the steps the helpdesk reads aloud. „…“ quotes
## a button exactly as the window labels it (the references keep them the same).

help-faq-title = Häufige Fragen
help-steps-intro = Am Telefon mit dem Support: Die Schrittnummern sind dieselben wie im Fenster („{ wizard-step-example }“).
wizard-step-example = Schritt 2 von 3
faq-change-q = Wie ändere ich meine PIN?
faq-change-start = Drücken Sie in der Kartenansicht „{ ui-change-pin }“.
faq-change-1 = Schritt 1 von 3: Geben Sie Ihre aktuelle PIN ein und drücken Sie „{ ui-next }“. Noch wird nichts an die Karte gesendet.
faq-change-2 = Schritt 2 von 3: Geben Sie die neue PIN zweimal ein und drücken Sie „{ ui-next }“.
faq-change-3 = Schritt 3 von 3: Prüfen Sie die Zusammenfassung und klicken Sie auf „{ ui-confirm-change }“: Nur dieser Klick ändert die PIN, die Eingabetaste nicht. Ist nur noch ein Versuch übrig, fragt Tessera vorher nach: „{ ui-last-try-cancel }“ geht zurück, ohne ihn zu verbrauchen.
faq-forgot-q = Ich habe meine PIN vergessen
faq-forgot-a = Versuchen Sie nicht, sie zu erraten: Nach 3 falschen Versuchen ist die PIN gesperrt. Mit der PUK entsperren Sie sie und wählen eine neue PIN.
faq-blocked-q = Meine PIN ist gesperrt
faq-blocked-a = Die PUK entsperrt sie, und Sie wählen eine neue PIN. Auch die PUK hat nur wenige Versuche: Geben Sie sie in Ruhe ein.
faq-unblock-start = Drücken Sie in der Kartenansicht „{ ui-unblock-pin }“ (oder „{ ui-forgot-pin }“).
faq-unblock-1 = Schritt 1 von 3: Geben Sie die PUK ein und drücken Sie „{ ui-next }“.
faq-unblock-2 = Schritt 2 von 3: Geben Sie die neue PIN zweimal ein und drücken Sie „{ ui-next }“.
faq-unblock-3 = Schritt 3 von 3: Prüfen Sie die Zusammenfassung und klicken Sie auf „{ ui-confirm-unblock }“.
faq-puk-lost-q = Ich habe die PUK verloren
faq-puk-blocked-q = Die PUK ist gesperrt
faq-lost-q = Ich habe meine Karte verloren
faq-browser-q = Wie melde ich mich mit der Karte bei Websites an?
faq-browser-1 = Drücken Sie in der Kartenansicht „{ ui-browser }“.
faq-browser-2 = Schließen Sie Firefox und drücken Sie dann „{ ui-set-up-all }“.
faq-browser-3 = Öffnen Sie den Browser wieder, gehen Sie zur Website und wählen Sie die Anmeldung mit der Karte (CNS, oder „Entra con CIE“ mit dem Lesegerät): Der Browser fragt nach der PIN.
faq-open = Öffnen
help-report-intro = Wenn Sie den Support anrufen, werden Sie nach diesen Angaben gefragt: Sie können sie vorlesen, kopieren oder speichern. Die PIN steht nie darin.

## The helpdesk report (in the user's language; the helpdesk reads it back).

report-os = Betriebssystem
report-service = Smartcard-Dienst
report-service-running = läuft
report-service-stopped = läuft nicht
report-service-demo = nicht verwendet (Demo-Karte)
report-reader = Lesegerät
# The demo card's simulated reader, where a reader's name is shown.
reader-demo = Tessera-Demokarte (simuliert)
report-card-in = Karte gesteckt
report-no-card = keine Karte
report-pinpad-yes = mit PIN-Pad
report-pinpad-no = ohne PIN-Pad
report-pinpad-unknown = PIN-Pad: unbekannt
report-card = Karte
report-simulated = [SIMULIERTE KARTE / DEMO]
report-card-number = Kartennummer
report-pin-tries = Verbleibende PIN-Versuche
report-puk-tries = Verbleibende PUK-Versuche
report-unknown = unbekannt
report-windows-driver = Windows-Treiber für diese Karte
report-windows-no-driver = keiner (Windows hat keinen Treiber für diese Karte)
report-cert-until = Zertifikat läuft ab
report-cert-days = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
report-holder = Inhaber
report-codice-fiscale = Steuernummer (Codice fiscale)
report-personal = Persönliche Daten
report-personal-left-out = nicht enthalten
report-browser = Browser
report-browser-installed = Installierter Browser
report-browser-not-found = kein Browser gefunden
report-set-up = eingerichtet
report-not-set-up = nicht eingerichtet
report-open = (geöffnet)
report-not-installed = nicht installiert
report-recent-error = Letzter Fehler
# After an error repeated in the log: "(3 volte)".
report-error-times = { $count ->
    [one] 1 Mal
   *[other] { $count } Mal
}
# The report's first line after the version: local date and time.
report-created = Bericht erstellt

## Error messages, one pair per row of the error table (crates/tessera-core/src/error_table.rs and
## the app's rows in src/error.rs): err-MSG-what says what happened, err-MSG-next what to do next.
## Variables: $tries_left, $kind (PIN or PUK), $digits, $min, $max, $atr, $name (a reader), $path,
## $detail (the technical cause, for the helpdesk), $cause (what broke, a whole sentence), $dir, $hint,
## and the advice for the card's issuer: $puk_where, $puk_blocked, $still_works. A token such as
## {"{demo}"} (a quoted literal) stays as it is: the window turns it into a button or page name, the
## command line into a command.

-err-check-nothing-sent = Prüfen Sie die Eingabe und versuchen Sie es erneut: Nichts wurde an die Karte gesendet.
err-no-service-what = Der Smartcard-Dienst des Systems läuft nicht.
err-no-service-next = Unter Linux pcscd starten{"{pcscd_cmd}"}; unter Windows und macOS den Computer neu starten. Zum Ausprobieren ohne Karte: {"{demo}"}
err-no-reader-what = Kein Kartenlesegerät angeschlossen.
err-no-reader-next = Schließen Sie das Lesegerät an und versuchen Sie es erneut. Zum Ausprobieren ohne Lesegerät: {"{demo}"}
err-unknown-reader-what = Lesegerät nicht gefunden: { $name }
err-unknown-reader-next = {"{readers_hint}"}
err-no-card-what = Keine Karte im Lesegerät.
err-no-card-next = Stecken Sie die Karte mit dem Chip nach oben ein und versuchen Sie es erneut.
err-card-removed-what = Die Karte wurde während des Vorgangs entfernt.
err-card-removed-next = Stecken Sie die Karte wieder ein und prüfen Sie die verbleibenden Versuche, bevor Sie es erneut versuchen; nichts wird automatisch wiederholt.
err-card-reset-what = Ein anderes Programm hat die Karte während des Vorgangs zurückgesetzt.
err-card-reset-next = Schließen Sie andere Programme, die die Karte nutzen (z. B. den Browser), und versuchen Sie es erneut; nichts wird automatisch wiederholt.
err-card-busy-what = Die Karte wird von einem anderen Programm verwendet.
err-card-busy-next = Schließen Sie das andere Programm (z. B. den Browser) und versuchen Sie es erneut.
err-card-unresponsive-what = Die Karte antwortet nicht.
err-card-unresponsive-next = Nehmen Sie die Karte heraus, prüfen Sie die Ausrichtung (Chip nach oben) und stecken Sie sie wieder ein.
err-pcsc-interrupted-what = Vorgang unterbrochen.
err-pcsc-interrupted-next = Versuchen Sie es erneut.
err-pcsc-error-what = Fehler des Smartcard-Dienstes: { $detail }
err-pcsc-error-next = Trennen Sie das Lesegerät und schließen Sie es wieder an. Wenn es weiter auftritt, erstellen Sie einen Bericht für den Support.
err-card-died-what = Die Karte hat während des Vorgangs aufgehört zu antworten.
err-card-died-next = Karte herausnehmen und wieder einstecken, dann die verbleibenden Versuche prüfen; nichts wird automatisch wiederholt.
err-secure-channel-what = Der gesicherte Kanal zur Karte ist abgebrochen (veränderte Daten oder Störung).
err-secure-channel-next = Karte herausnehmen und wieder einstecken, verbleibende Versuche prüfen und erneut versuchen; nichts wird automatisch wiederholt.
err-card-not-authentic-what = Die Karte hat die Authentifizierung nicht bestanden: Sie ist möglicherweise kein echter CIE.
err-card-not-authentic-next = Geben Sie keine PIN ein. Wenden Sie sich mit dem Bericht an die Gemeinde oder den Support: {"{report}"}
err-simulated-card-what = Diese Karte hat sich mit der öffentlichen TEST-Stelle von Tessera ausgewiesen: eine simulierte Karte oder eine Fälschung, die Ihre PIN lesen könnte. Keine PIN wurde gesendet.
err-simulated-card-next = Geben Sie Ihre PIN nicht ein. Nur für Tests mit dem Tessera-Simulator: {"{allow_sim}"}
err-card-error-what = Die Karte hat unerwartet geantwortet ({ $detail })
err-card-error-next = Erneut versuchen; wenn es wieder auftritt, einen Bericht für den Support erstellen: {"{report}"}
err-wrong-pin-what = Falsche PIN. Verbleibende Versuche: { $tries_left }.
err-wrong-pin-next = Prüfen Sie die PIN in Ruhe, bevor Sie es erneut versuchen. Wenn Sie sie vergessen haben, verwenden Sie die PUK: {"{forgot}"}
err-wrong-pin-now-blocked-what = Falsche PIN. Die PIN ist jetzt GESPERRT.
err-wrong-pin-now-blocked-next = Entsperren Sie sie mit der PUK: {"{unblock}"}. { $puk_where }
err-wrong-puk-what = Falsche PUK. Verbleibende PUK-Versuche: { $tries_left }.
err-wrong-puk-next = { $puk_where } Prüfen Sie sie vor einem neuen Versuch: Wenn die PUK-Versuche aufgebraucht sind, lässt sich die PIN nicht mehr entsperren.
err-wrong-puk-now-blocked-what = Falsche PUK. Auch die PUK ist jetzt GESPERRT: Die PIN kann nicht mehr entsperrt werden.
err-wrong-puk-now-blocked-next = { $puk_blocked } { $still_works }
err-pin-blocked-what = Die PIN ist gesperrt (zu viele Fehlversuche).
err-pin-blocked-next = Entsperren Sie sie mit der PUK und wählen Sie eine neue PIN: {"{unblock}"}.
err-puk-blocked-what = Die PUK ist gesperrt: Die PIN kann nicht mehr entsperrt werden.
err-puk-blocked-next = { $puk_blocked } { $still_works }
err-login-expired-what = Die Anmeldung mit der Karte ist nicht mehr gültig: Inzwischen wurde eine falsche PIN versucht. Die gespeicherte PIN wurde nicht gesendet.
err-login-expired-next = Melden Sie sich mit Ihrer PIN erneut an.
err-last-try-pin-what = { text-last-try-warning-pin }
err-last-try-pin-next = {"{last_try_hint}"}
err-last-try-puk-what = { text-last-try-warning-puk }
err-last-try-puk-next = {"{last_try_hint}"}
err-last-try-unknown-what = { text-unknown-tries-warning }
err-last-try-unknown-next = {"{last_try_hint}"}
err-cancelled-what = { text-cancelled }
err-cancelled-next = Sie können es jederzeit erneut versuchen.
err-pins-differ-what = Die beiden eingegebenen neuen PINs sind verschieden.
err-pins-differ-next = Nichts wurde an die Karte gesendet: Versuchen Sie es erneut.
err-same-pin-what = Die neue PIN ist gleich der aktuellen.
err-same-pin-next = Wählen Sie eine andere PIN: Nichts wurde an die Karte gesendet.
err-pin-refused-by-card-what = Die Karte hat die neue PIN abgelehnt.
err-pin-refused-by-card-next = Verwenden Sie 5 bis 8 Ziffern und versuchen Sie es erneut.
err-secret-empty-what = Die { $kind } ist leer.
err-secret-empty-next = { -err-check-nothing-sent }
err-secret-missing-what = Die { $kind } wurde nicht angegeben: Die Eingabe endete vorher.
err-secret-missing-next = { -err-check-nothing-sent }
err-secret-not-text-what = Die { $kind } enthält Bytes, die kein Text sind.
err-secret-not-text-next = { -err-check-nothing-sent }
err-secret-too-long-what = Die { $kind } ist viel zu lang: Sie wurde nicht vollständig gelesen.
err-secret-too-long-next = { -err-check-nothing-sent }
err-secret-spaces-what = Die { $kind } enthält Leerzeichen.
err-secret-spaces-next = { -err-check-nothing-sent }
err-secret-other-digits-what = Die { $kind } enthält Ziffern einer anderen Schrift: Verwenden Sie nur die Ziffern 0-9.
err-secret-other-digits-next = { -err-check-nothing-sent }
err-secret-not-digits-what = Die { $kind } darf nur Ziffern (0-9) enthalten.
err-secret-not-digits-next = { -err-check-nothing-sent }
err-secret-exact-length-what = Die { $kind } muss genau { $digits } Ziffern haben.
err-secret-exact-length-next = { -err-check-nothing-sent }
err-secret-length-range-what = Die { $kind } muss { $min } bis { $max } Ziffern haben.
err-secret-length-range-next = { -err-check-nothing-sent }
err-interrupted-nothing-sent-what = { $cause } Keine PIN oder PUK hat die Karte erreicht: Die PIN ist unverändert, kein Versuch wurde verbraucht.
err-interrupted-nothing-sent-next = Stecken Sie die Karte wieder ein und versuchen Sie es erneut.
err-interrupted-check-change-what = { $cause } Die PIN wurde NICHT geändert. Die aktuelle PIN hat die Karte zur Prüfung erreicht: War sie falsch, wurde ein Versuch verbraucht.
err-interrupted-check-change-next = Gültig bleibt die alte PIN. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die eingegebene PIN richtig war.
err-interrupted-check-unblock-what = { $cause } Die PIN wurde NICHT entsperrt. Die PUK hat die Karte zur Prüfung erreicht: War sie falsch, wurde ein PUK-Versuch verbraucht.
err-interrupted-check-unblock-next = Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die PUK richtig war.
err-interrupted-change-what = { $cause } Die PIN-Änderung hat die Karte möglicherweise erreicht, bevor die Verbindung abbrach: Tessera kann nicht wissen, ob die Karte sie ausgeführt hat.
err-interrupted-change-next = Probieren Sie noch keine PIN. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, welche PIN gilt, soweit die Zähler es zeigen.
err-interrupted-unblock-what = { $cause } Die Entsperrung hat die Karte möglicherweise erreicht, bevor die Verbindung abbrach: Tessera kann nicht wissen, ob die Karte sie ausgeführt hat.
err-interrupted-unblock-next = Wiederholen Sie die Entsperrung nicht und probieren Sie noch keine PIN. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die neue PIN gilt, soweit die Zähler es zeigen.
err-unsupported-cie-what = Dies ist ein elektronischer Personalausweis (CIE): Diese Version unterstützt ihn noch nicht. (ATR { $atr })
err-unsupported-cie-next = Verwenden Sie für die CIE vorerst die offizielle CieID-Software.
err-unsupported-card-what = Karte nicht erkannt: Sie ist weder eine CPS/CNS noch ein CIE. (ATR { $atr })
err-unsupported-card-next = Prüfen Sie, ob Sie die Carta Provinciale dei Servizi (Gesundheitskarte) eingesteckt haben und keine andere Karte.
err-card-model-not-supported-what = Dies ist eine CNS-Karte, aber ein Modell, das Tessera noch nicht lesen kann: weder Inhaberdaten noch Zertifikat gefunden. (ATR { $atr })
err-card-model-not-supported-next = Die Karte ist nicht beschädigt und keine PIN wurde verwendet. Senden Sie den Bericht ({"{report}"}) an die Tessera-Entwickler, damit das Modell ergänzt wird.
err-bad-certificate-what = Das Zertifikat auf der Karte ist nicht lesbar ({ $detail })
err-bad-certificate-next = Wenden Sie sich an den Support: Die Karte muss eventuell ersetzt werden.
err-no-certificate-what = Tessera hat das Authentifizierungszertifikat dort nicht gefunden, wo die ihm bekannten Kartenmodelle es ablegen.
err-no-certificate-next = Es kann ein Kartenmodell sein, das Tessera noch nicht kennt (senden Sie den Bericht: {"{report}"}), oder eine nie für Online-Dienste freigeschaltete Karte (fragen Sie dann die ausgebende Stelle).
err-io-not-found-what = Schreiben nicht möglich: { $path }: Der Ordner existiert nicht.
err-io-not-found-next = Legen Sie den Ordner zuerst an oder wählen Sie einen vorhandenen Ordner.
err-io-exists-what = Schreiben nicht möglich: { $path }: Die Datei existiert bereits.
err-io-exists-next = {"{replace_hint}"}
err-io-denied-what = Schreiben nicht möglich: { $path }: Dort dürfen Sie nicht schreiben.
err-io-denied-next = Wählen Sie einen eigenen Ordner, zum Beispiel Dokumente.
err-io-full-what = Schreiben nicht möglich: { $path }: Der Datenträger ist voll.
err-io-full-next = Geben Sie Speicherplatz frei oder wählen Sie einen anderen Datenträger. Eine vorherige Datei ist unverändert.
err-io-other-what = Schreiben nicht möglich: { $path }: { $detail }
err-io-other-next = Wählen Sie einen anderen Ordner oder Dateinamen.
err-browser-running-what = Firefox ist mit diesem Profil geöffnet: Die Einrichtung wurde nicht geändert. ({ $dir })
err-browser-running-next = Schließen Sie Firefox und versuchen Sie es erneut.
err-no-pkcs11-module-what = Das Modul, mit dem der Browser die Karte nutzt, ist nicht installiert.
err-no-pkcs11-module-next = Installieren Sie: { $hint }
err-browser-policy-what = Die Firefox-Richtliniendatei ist nicht lesbar: { $path } ({ $detail })
err-browser-policy-next = Die Datei wurde NICHT geändert. Korrigieren Sie sie (JSON mit einem „policies“-Objekt) und versuchen Sie es erneut.
err-browser-read-only-what = Die Modulliste des Browsers ist schreibgeschützt, daher hat Tessera sie unverändert gelassen: { $path }
err-browser-read-only-next = Wenn Sie sie absichtlich schreibgeschützt haben, fügen Sie das Modul selbst hinzu; sonst machen Sie die Datei beschreibbar und versuchen Sie es erneut.
err-browser-database-what = Die Browser-Datenbank kann nicht geändert werden ({ $detail })
err-browser-database-next = Öffnen Sie den Browser einmal, schließen Sie ihn und versuchen Sie es erneut.
err-internal-error-what = Interner Fehler in Tessera: Der Vorgang wurde abgebrochen. ({ $detail })
err-internal-error-next = Karte herausnehmen und wieder einstecken, verbleibende Versuche prüfen, dann erneut versuchen. Senden Sie den Bericht an die Entwickler.


err-checked-card-had-carried-out = Geprüft: Die Karte hatte die Änderung ausgeführt. Die NEUE PIN gilt (der Zähler steht wieder auf dem Maximum).
err-use-new-pin-from-now = Verwenden Sie ab jetzt die neue PIN. Die Änderung muss nicht wiederholt werden.
err-checked-card-had-carried-out-2 = Geprüft: Die Karte hatte die Entsperrung ausgeführt. Die PIN ist entsperrt, die NEUE PIN gilt.
err-use-new-pin-from-now-2 = Verwenden Sie ab jetzt die neue PIN. Die Entsperrung muss nicht wiederholt werden.
err-old-pin-still-valid-one-2 = Gültig bleibt die alte PIN: Prüfen Sie sie in Ruhe, bevor Sie es erneut versuchen.
err-check-puk-before-trying-again = Prüfen Sie die PUK, bevor Sie es erneut versuchen.
err-can-try-again = Sie können es erneut versuchen.
err-next-time-try-new-pin = Das herauszufinden kostet höchstens einen Versuch: Probieren Sie beim nächsten Mal die NEUE PIN; lehnt die Karte sie ab, gilt die alte (mit einem Versuch weniger). Probieren Sie keine andere PIN.
err-next-time-try-new-pin-2 = Das herauszufinden kostet höchstens einen Versuch: Probieren Sie beim nächsten Mal die NEUE PIN; lehnt die Karte sie ab, gilt die vorherige PIN (ein Versuch weniger). Wiederholen Sie die Entsperrung nicht vorher.
err-checked-change-did-not-happen = Geprüft: Die Änderung ist NICHT erfolgt, weil die eingegebene aktuelle PIN falsch war. Verbleibende PIN-Versuche: { $pin_left }.
err-checked-unblock-did-not-happen = Geprüft: Die Entsperrung ist NICHT erfolgt, weil die PUK falsch war. Verbleibende PUK-Versuche: { $puk_left }.
err-change-outcome-unknown = Die Zähler zeigen nicht, ob die Änderung erfolgt ist (verbleibende PIN-Versuche: { $pin_left }, wie zuvor): Es kann die alte oder die neue PIN gelten.
err-unblock-outcome-unknown = Die Zähler zeigen nicht, ob die Entsperrung erfolgt ist (PIN-Versuche: { $pin_left }, PUK: { $puk_left }): Es kann die neue oder die vorherige PIN gelten.
err-change-not-done-no-try-used = Geprüft: Die Änderung ist NICHT erfolgt, kein Versuch wurde verbraucht. Es gilt weiter die alte PIN.
err-change-not-done = Geprüft: Die Änderung ist NICHT erfolgt. Es gilt weiter die alte PIN.
err-unblock-not-done-no-try-used = Geprüft: Die Entsperrung ist NICHT erfolgt, kein PUK-Versuch wurde verbraucht.
err-unblock-not-done = Geprüft: Die Entsperrung ist NICHT erfolgt.
err-next-time-counter-unknown = Die Karte zeigt ihre verbleibenden Versuche nicht, ein falscher Versuch könnte also der letzte sein: Probieren Sie zuerst die NEUE PIN und die alte nur, wenn Sie sich sicher sind. Im Zweifel entsperren Sie mit der PUK.
err-unchecked-check-change = Die PIN wurde NICHT geändert: Die alte PIN gilt weiter. Sehen Sie vor einem neuen Versuch die verbleibenden PIN-Versuche in Tessera an (kein Versuch wird verbraucht): Es waren { $before }; einer weniger heißt, dass die eingegebene aktuelle PIN falsch war.
err-unchecked-check-unblock = Die PIN wurde NICHT entsperrt. Sehen Sie vor einem neuen Versuch die verbleibenden PUK-Versuche in Tessera an (kein Versuch wird verbraucht): Es waren { $before }; einer weniger heißt, dass die eingegebene PUK falsch war.
err-unchecked-change = Vor der Änderung hatte die PIN { $before } Versuche. Wenn die Karte wieder steckt, sehen Sie sie in Tessera an, bevor Sie eine PIN verwenden (kein Versuch wird verbraucht): { $max } heißt, die neue PIN gilt; { $before }, die Änderung ist nicht erfolgt; { $fewer }, die eingegebene aktuelle PIN war falsch. In den letzten beiden Fällen gilt die alte PIN.
err-unchecked-unblock = Vor der Entsperrung hatte die PIN { $before } Versuche. Wenn die Karte wieder steckt, sehen Sie die Versuche in Tessera an, bevor Sie eine PIN verwenden (kein Versuch wird verbraucht): PIN wieder bei { $max } heißt, mit der neuen PIN entsperrt; PIN noch bei { $before }, die Entsperrung ist nicht erfolgt (und sind die PUK-Versuche um einen gesunken, war die PUK falsch). Wiederholen Sie die Entsperrung nicht vorher.
err-unchecked-full = Der PIN-Zähler war schon vorher voll ({ $max }). Wenn die Karte wieder steckt, sehen Sie die verbleibenden Versuche in Tessera an, bevor Sie eine PIN verwenden (kein Versuch wird verbraucht): { $fewer } heißt, die eingegebene aktuelle PIN war falsch und die alte PIN gilt; { $max } zeigt es nicht — es kann jede der beiden PINs gelten, und das herauszufinden kostet höchstens einen Versuch: Probieren Sie zuerst die NEUE PIN; lehnt die Karte sie ab, gilt die alte. Probieren Sie keine andere PIN.
err-unchecked-full-unblock = Die PIN war vorher nicht gesperrt (ihr Zähler war voll, { $max }). Wenn die Karte wieder steckt, sehen Sie die verbleibenden Versuche in Tessera an, bevor Sie eine PIN verwenden (kein Versuch wird verbraucht): ein PUK-Versuch weniger heißt, die PUK war falsch und nichts hat sich geändert; sonst kann jede der beiden PINs gelten, und das herauszufinden kostet höchstens einen Versuch: Probieren Sie zuerst die NEUE PIN; lehnt die Karte sie ab, gilt die vorherige.
err-unchecked-unknown = Die Karte zeigte ihren Zähler vorher nicht, es kann also jede der beiden PINs gelten. Sehen Sie vor jedem Versuch die verbleibenden Versuche in Tessera an (kein Versuch wird verbraucht); ist nur einer übrig, entsperren Sie mit der PUK, statt zu raten.

## What to do and where to go, per issuer of the card (advice-ISSUER-…): cps = the Trentino CPS
## (APSS), ts-cns = other regions' health cards, cie = the identity card (the Comune), unknown =
## a card whose issuer is not known (no office is named).

advice-cps-puk-where = Die PUK (8 Ziffern) steht im Umschlag mit PIN und PUK, den Sie mit der Karte erhalten haben.
advice-cps-puk-blocked = Sie brauchen eine neue Karte: Beantragen Sie sie an einem Schalter des APSS-Gesundheitsbezirks oder bei der Agenzia delle Entrate, mit einem Ausweis.
advice-cps-still-works = Die Karte gilt weiter als Gesundheitskarte: Beim Arzt oder in der Apotheke braucht es keine PIN.
advice-cps-expiring = Erneuern Sie die Karte VOR dem Ablauf online im Portal der Provinz (dazu braucht es die noch gültige Karte) oder an einem APSS-Schalter.
advice-cps-expired = Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Beantragen Sie die neue Karte an einem APSS-Schalter oder bei der Agenzia delle Entrate.
advice-cps-lost = Sperren Sie sie sofort über die gebührenfreie Nummer 800 22 80 40 mit Ihrem CIP-Code und beantragen Sie an einem APSS-Schalter eine neue Karte.
advice-ts-cns-puk-where = Die PUK (8 Ziffern) steht im Umschlag mit PIN und PUK, den Sie mit der Karte oder bei der Freischaltung erhalten haben.
advice-ts-cns-puk-blocked = Sie brauchen eine neue Karte: Fragen Sie die ausgebende Stelle (den Gesundheitsdienst Ihrer Region oder ein Büro der Agenzia delle Entrate), mit einem Ausweis.
advice-ts-cns-still-works = Die Karte gilt weiter als Gesundheitskarte: Beim Arzt oder in der Apotheke braucht es keine PIN.
advice-ts-cns-expiring = Die neue Karte kommt meist vor dem Ablauf per Post; wenn nicht, fragen Sie den Gesundheitsdienst oder die Agenzia delle Entrate.
advice-ts-cns-expired = Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Fragen Sie den Gesundheitsdienst Ihrer Region oder die Agenzia delle Entrate nach der neuen Karte.
advice-ts-cns-lost = Lassen Sie sie bei der Agenzia delle Entrate oder dem Gesundheitsdienst Ihrer Region sperren und ein Duplikat ausstellen.
advice-cie-puk-where = Die PUK der CIE hat 8 Ziffern in zwei Hälften: die ersten 4 auf der Quittung der Gemeinde (Comune) beim Antrag, die letzten 4 im Brief mit der Karte. Wenn Sie sie verloren haben: Die App CieID bietet „Recupero PUK“, oder die Gemeinde druckt sie neu.
advice-cie-puk-lost = In der App CieID im Menü „Recupero PUK“: Die Antwort kommt innerhalb von 48 Stunden und braucht die Telefonnummer oder E-Mail-Adresse, die Sie der Gemeinde beim Antrag angegeben haben. Sonst beantragen Sie bei Ihrer Gemeinde den Neudruck von PIN und PUK (meist per E-Mail, mit einer Kopie der Karte): Die erste Hälfte holen Sie am Schalter ab, die zweite kommt innerhalb von 5 Werktagen per E-Mail. Mit der PUK setzt „Sblocca carta“ in CieID auch eine neue PIN.
advice-cie-puk-blocked = Wenden Sie sich an das Meldeamt (anagrafe) Ihrer Gemeinde: Es kann die Codes neu drucken oder eine neue Karte ausstellen.
advice-cie-still-works = Die CIE bleibt als Ausweisdokument gültig: Nur die Online-Nutzung mit der PIN geht verloren.
advice-cie-expiring = Für die neue CIE vereinbaren Sie vor dem Ablauf einen Termin beim Meldeamt Ihrer Gemeinde.
advice-cie-expired = Das Zertifikat der CIE ist abgelaufen: Online-Dienste sind nicht mehr erreichbar. Fragen Sie Ihre Gemeinde nach der neuen Karte.
advice-cie-lost = Melden Sie Verlust oder Diebstahl bei Polizei oder Carabinieri und beantragen Sie mit der Anzeige bei Ihrer Gemeinde eine neue Karte.
advice-unknown-puk-where = Die PUK (8 Ziffern) gehört zu den Codes, die Sie mit der Karte erhalten haben.
advice-unknown-puk-blocked = Sie brauchen eine neue Karte oder einen Neudruck der Codes: Fragen Sie die ausgebende Stelle, mit einem Ausweis.
advice-unknown-expiring = Beantragen Sie vor dem Ablauf die Erneuerung bei der ausgebenden Stelle.
advice-unknown-expired = Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Fragen Sie die ausgebende Stelle nach einer neuen Karte.
advice-unknown-lost = Lassen Sie die Karte sofort bei der ausgebenden Stelle sperren.

## The ways to act that messages name ({"{demo}"}, {"{report}"}…): -window in the window (its own
## buttons and menus, never a command), -cli on the command line. action-quoted: how the language
## quotes a button's name.
action-menu = Menü
action-quoted = „{ $label }“
action-readers-hint-window = Die Lesegeräte, die Tessera sieht, stehen auf dem Startbildschirm.
action-readers-hint-cli = Lesegeräte anzeigen mit: tessera readers
action-allow-sim-window = das Fenster erlaubt es nicht.
action-allow-sim-cli = --allow-simulated-card hinzufügen.
action-replace-hint-window = Wählen Sie einen anderen Dateinamen.
action-replace-hint-cli = Wählen Sie einen anderen Dateinamen oder ersetzen Sie die vorhandene Datei mit --force.
action-last-try-hint-window = Nichts wurde gesendet.
action-last-try-hint-cli = Nichts wurde gesendet. Wenn Sie sicher sind, wiederholen Sie den Befehl mit --confirm-last-try.

## The command line only.
cli-no-browser-profile-found-firefox = Kein Browserprofil gefunden (Firefox, Chrome).
cli-changed = geändert
cli-already-so = bereits so
cli-set-up = eingerichtet
cli-not-set-up = nicht eingerichtet
cli-test-really-verifies-pin-wrong = Der Test prüft die PIN wirklich: Eine falsche PIN verbraucht einen Versuch.
cli-certificate-dates = Zertifikatsdaten
cli-signature-cards-key = Signatur mit dem Kartenschlüssel
cli-signature-verification = Prüfung der Signatur

## The demo card's training states (the Demo card menu).
preset-1-pin-try-left = 1 PIN-Versuch übrig
preset-pin-blocked = PIN gesperrt
preset-pin-blocked-2-puk-tries = PIN gesperrt, 2 PUK-Versuche
preset-puk-blocked = PUK gesperrt
preset-certificate-expiring = Zertifikat läuft bald ab
preset-certificate-expired = Zertifikat abgelaufen
preset-new-card = Neue Karte

## Warnings about a weak new PIN (the wizard's step 3 and the command line).
warning-new-pin-has-all-digits = Die neue PIN hat lauter gleiche Ziffern: Sie ist leicht zu erraten.
warning-new-pin-sequence-like-12345 = Die neue PIN ist eine Folge (wie 12345): Sie ist leicht zu erraten.
warning-new-pin-birth-date-easy = Die neue PIN ist Ihr Geburtsdatum: Sie ist leicht zu erraten.

## The PIN wizards. $card: type · number · holder; $tries: a number, or "unknown" when the card does not say.
wizard-unknown = unbekannt
wizard-summary-change = Sie ändern jetzt die PIN der Karte { $card }. Verbleibende PIN-Versuche: { $tries }.
wizard-summary-unblock = Sie entsperren jetzt die PIN der Karte { $card } mit der PUK und setzen die neue PIN. Verbleibende PUK-Versuche: { $tries }.

## Dates as people write them: "28 novembre 2031", "28 November 2031", "28. November 2031".
date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## The card self-test's details.
selftest-dates = vom { $from } bis zum { $until } ({ $days ->
    [one] noch 1 Tag
   *[other] noch { $days } Tage
})
selftest-pin-verified = PIN geprüft
selftest-signed = Signatur mit { $bytes } Byte
selftest-matches = passt zum öffentlichen Schlüssel des Zertifikats
selftest-no-match = passt NICHT zum Zertifikat
selftest-wrong = falsche { $kind }: { $tries ->
    [one] noch 1 Versuch
   *[other] noch { $tries } Versuche
}

## A certificate's key usages, as the certificate screen and `tessera cert show` name them.
key-usage-digital-signature = digitale Signatur
key-usage-non-repudiation = Nichtabstreitbarkeit (nonRepudiation)
key-usage-key-encipherment = Schlüsselverschlüsselung
key-usage-data-encipherment = Datenverschlüsselung
key-usage-key-agreement = Schlüsselvereinbarung
key-usage-client-auth = Anmeldung bei Websites (Authentisierung)
key-usage-email-protection = geschützte E-Mail
key-usage-server-auth = Server-Identifizierung
key-usage-code-signing = Code-Signatur

## The error log the helpdesk report shows (written in the user's language).
log-selftest-failed = der Kartentest ist fehlgeschlagen

## The command line's help (tessera --help, tessera <command> --help) and usage errors.
cli-heading-usage = Aufruf:
cli-heading-commands = Befehle
cli-heading-options = Optionen
cli-heading-arguments = Argumente
cli-value-command = BEFEHL
cli-word-options = [OPTIONEN]
cli-word-default = [Standard:{" "}
cli-word-env = [Umgebungsvariable:{" "}
cli-word-possible = [mögliche Werte:{" "}
cli-help-flag = Diese Hilfe anzeigen
cli-version-flag = Die Version anzeigen
cli-error = Fehler:
cli-error-unknown-argument = Die Option „{ $arg }“ gibt es nicht.
cli-error-unknown-command = Den Befehl „{ $arg }“ gibt es nicht.
cli-error-invalid-value = „{ $value }“ ist kein gültiger Wert für { $arg }.
cli-error-missing = { $arg } fehlt.
cli-error-missing-command = Der Befehl fehlt.
cli-error-no-equals = { $arg } erwartet den Wert nach „=“, z. B. --demo=pin-blocked.
cli-error-conflict = { $arg } kann nicht zusammen mit { $other } verwendet werden.
cli-error-too-many = { $arg } ist öfter angegeben als erlaubt.
cli-error-valid-values = Mögliche Werte: { $values }
cli-error-did-you-mean = Meinten Sie „{ $name }“?
cli-error-more = Hilfe: tessera --help (oder tessera <Befehl> --help).
cli-value-lang = Tessera spricht it (italiano), en (English) und de (Deutsch)
cli-value-model-not-state = „{ $value }“ ist ein Kartenmodell, kein Kartenzustand: Verwenden Sie --demo --demo-profile { $value } (Zustände: { $states })
cli-value-states = Die Zustände der Demokarte sind { $states }
cli-value-models = Die Modelle der Demokarte sind { $models }
cli-value-did-you-mean = ; meinten Sie „{ $name }“?
cli = Tessera: Ihre CPS-/CNS-/CIE-Karte verwalten (PIN, PUK, Zertifikat). Ohne Befehl öffnet sich das Fenster.
cli-arg-lang = Sprache der Meldungen: it, en, de (Standard: die des Systems).
cli-arg-verbose = Mehr Protokoll auf stderr (-v Debug, -vv APDU-Mitschnitt; PINs werden immer geschwärzt).
cli-arg-window-demo = Ohne Befehl: das Fenster mit der simulierten Demokarte öffnen; optionaler Zustand (fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired).
cli-arg-window-demo-profile = Ohne Befehl: Modell der Demokarte (cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto).
cli-readers = Kartenlesegeräte auflisten und ob eine Karte steckt.
cli-arg-json = Maschinenlesbare JSON-Ausgabe auf stdout.
cli-status = Die Karte zeigen: Typ, Inhaber, Kartennummer, Zertifikat, verbleibende PIN- und PUK-Versuche (kein Versuch verbraucht).
cli-arg-reader = Die Karte in diesem Lesegerät verwenden (Standard: das erste Lesegerät mit Karte).
cli-arg-demo = Die simulierte Demokarte statt einer echten verwenden; optionaler Zustand: fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired.
cli-arg-demo-profile = Modell der Demokarte: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-arg-allow-simulated-card = Einer Karte der öffentlichen Test-Zertifizierungsstelle von Tessera (dem Simulator in einem echten Lesegerät) eine PIN senden lassen. Ohne diese Option wird eine solche Karte abgelehnt, bevor eine PIN gesendet wird.
cli-pin = Die PIN ändern oder entsperren.
cli-pin-change = Die PIN ändern (fragt die aktuelle PIN und zweimal die neue).
cli-arg-confirm-last-try = Fortfahren, auch wenn dies der letzte PIN-Versuch sein kann.
cli-pin-unblock = Die PIN mit der PUK entsperren und eine neue PIN festlegen.
cli-pin-unblock--confirm-last-try = Fortfahren, auch wenn dies der letzte PUK-Versuch sein kann.
cli-cert = Das Authentifizierungszertifikat zeigen oder exportieren.
cli-cert-show = Das Authentifizierungszertifikat zeigen.
cli-cert-export = Das Authentifizierungszertifikat in eine Datei speichern.
cli-arg-format = Dateiformat.
cli-arg-out = Ausgabedatei (Standard: certificato-<Steuernummer>.pem|der im Dokumente-Ordner).
cli-arg-force = Die Datei ersetzen, wenn sie existiert.
cli-atr = Einen ATR erklären (aus einem Bericht kopiert): Kartentyp, Hersteller, Version.
cli-arg-hex = Der ATR hexadezimal, z. B. „3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C“.
cli-browser = Anmeldung im Browser: das PKCS#11-Modul der Karte in Firefox und Chrome zeigen, einrichten oder entfernen.
cli-browser-status = Für jedes Browserprofil: Ist das Modul der Karte eingetragen?
cli-browser-setup = Das Modul der Karte in jedem Browserprofil eintragen (Firefox muss geschlossen sein).
cli-browser-remove = Das Modul der Karte aus jedem Browserprofil entfernen.
cli-arg-nss-db = Nur dieser NSS-Datenbankordner (statt aller gefundenen Profile).
cli-arg-card-type = Der Kartentyp, für den eingerichtet wird (CPS, TS-CNS, CNS, CIE); Standard: der der gesteckten Karte.
cli-arg-module = Das PKCS#11-Modul: tessera (Standard, jede Karte), opensc (nur klassische CNS-Serien), cie (das offizielle CIE-Modul) oder der Pfad einer Bibliothek.
cli-arg-policy-file = Zusätzlich die Firefox-Unternehmensrichtlinie (SecurityDevices) in diese Datei schreiben (für Administratoren), z. B. /etc/firefox/policies/policies.json.
cli-report = Ein Bericht für den Helpdesk (keine persönlichen Daten, außer auf Wunsch; nie eine PIN).
cli-arg-include-personal-data = Name und Steuernummer (codice fiscale) des Inhabers aufnehmen.
cli-report--out = Den Bericht auch in diese Datei schreiben (eine vorhandene Datei nur mit --force).
cli-report--force = Die Datei von --out ersetzen, wenn sie existiert.
cli-selftest = Die Karte prüfen: Zertifikatsdaten, PIN (ein echter Versuch), eine Signatur und ihre Prüfung.
cli-simulate = Eine simulierte Karte im virtuellen Lesegerät von vsmartcard (vpcd) starten, für Tests und Schulungen.
cli-simulate--profile = Kartenmodell: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-simulate--preset = Anfangszustand (siehe --demo).
cli-simulate--pin = Die PIN der simulierten Karte (ein Testwert, nie eine echte PIN).
cli-simulate--puk = Die PUK der simulierten Karte (ein Testwert, nie eine echte PUK).
cli-simulate--vpcd = Adresse von vpcd.
cli-simulate--forever = Die Karte wieder einstecken, wenn vpcd oder ein Fehler sie entfernt.
cli-simulate--write-ca = Zusätzlich das Test-CA-Zertifikat des Simulators (PEM) hierher schreiben: dem vertraut ein Test-TLS-Server, um das Zertifikat der simulierten Karte anzunehmen.
