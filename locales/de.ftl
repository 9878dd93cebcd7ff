# Tessera — Deutsch.
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Lesegerät
text-card-type = Kartentyp
text-model = Modell
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
text-waiting-for-other-program = Warte, bis ein anderes Programm (Browser, andere Kartensoftware) die Karte freigibt…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Warten beendet: Nichts wurde an die Karte gesendet. Schließen Sie den Browser oder das andere Programm und versuchen Sie es erneut.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = Eine PIN oder PUK war bereits gesendet: Sie hat die Karte möglicherweise erreicht. Karte herausnehmen, wieder einstecken und die verbleibenden Versuche prüfen, bevor Sie es erneut versuchen.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = Keine PIN oder PUK war gesendet worden.
# The card does not answer (window banner).
text-card-does-not-answer = Die Karte antwortet seit 15 Sekunden nicht.
# Take the card out to free the reader.
text-take-card-out = Nehmen Sie die Karte aus dem Lesegerät und stecken Sie sie wieder ein.
# The card did not come back in time after an interruption.
text-could-not-check = Die Karte konnte nicht gelesen werden. Wenn Sie sie wieder einstecken, öffnen Sie Tessera und sehen Sie sich die verbleibenden Versuche an, bevor Sie eine PIN verwenden: Ist der PIN-Zähler nach einer Änderung voll, gilt die neue PIN.
text-pin-unblocked = PIN entsperrt und durch die neue PIN ersetzt. Sie haben wieder 3 Versuche.
text-last-try-warning-pin = ACHTUNG: Nur noch EIN PIN-Versuch. Ist er falsch, wird die PIN gesperrt und Sie brauchen die PUK.
text-last-try-warning-puk = ACHTUNG: Nur noch EIN PUK-Versuch. Ist er falsch, wird die Karte unbrauchbar.
text-unknown-tries-warning = Die Karte teilt nicht mit, wie viele Versuche bleiben: dies könnte der letzte sein.
text-confirm-last-try = Möchten Sie diesen Versuch wirklich verwenden? Geben Sie JA ein, um fortzufahren: 
text-weak-pin-use-anyway = Trotzdem verwenden? [j/N] 
text-cancelled = Abgebrochen: nichts wurde an die Karte gesendet.
text-no-readers = Kein Kartenlesegerät gefunden. Schließen Sie das Lesegerät an; zum Ausprobieren ohne Karte: tessera status --demo
text-card-present = Karte eingesteckt
text-no-card-in-reader = keine Karte
text-exported = Zertifikat gespeichert in
text-puk-low-warning = Nur noch wenige PUK-Versuche: Prüfen Sie die PUK (Umschlag zur Karte) sorgfältig, bevor Sie sie eingeben.
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
ui-last-try-hint = Wenn Sie sich der PIN nicht sicher sind, nutzen Sie "PIN vergessen": Die PUK entsperrt sie ohne den letzten Versuch zu riskieren.
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
ui-pin-step-1help = Geben Sie Ihre heutige PIN ein. Nichts wird an die Karte gesendet, bevor Sie in Schritt 3 bestätigen.
ui-pin-step-2help = Wählen Sie die neue PIN und geben Sie sie zweimal ein.
ui-puk-step-1help = Die PUK steht im Umschlag zur Karte (8 Ziffern).
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
## Whole sentences with variables. $days, $count, $step: numbers (they choose the plural form).

# After the certificate's end date on the card screen: "(noch 20 Tage)".
days-left = { $days ->
    [one] noch 1 Tag
   *[other] noch { $days } Tage
}
# Above each wizard step, read aloud by the helpdesk: "Schritt 2 von 3".
wizard-step = Schritt { $step } von { $count }

## The help page: frequently asked questions and the steps the helpdesk reads aloud. „…" quotes
## a button exactly as the window labels it (the references keep them the same).

help-faq-title = Häufige Fragen
help-steps-intro = Am Telefon mit dem Support: Die Schrittnummern sind dieselben wie im Fenster („{ wizard-step-example }").
wizard-step-example = Schritt 2 von 3
faq-change-q = Wie ändere ich meine PIN?
faq-change-start = Drücken Sie in der Kartenansicht „{ ui-change-pin }".
faq-change-1 = Schritt 1 von 3: Geben Sie Ihre aktuelle PIN ein und drücken Sie „{ ui-next }". Noch wird nichts an die Karte gesendet.
faq-change-2 = Schritt 2 von 3: Geben Sie die neue PIN zweimal ein und drücken Sie „{ ui-next }".
faq-change-3 = Schritt 3 von 3: Prüfen Sie die Zusammenfassung und klicken Sie auf „{ ui-confirm-change }". Die Eingabetaste sendet hier nichts.
faq-forgot-q = Ich habe meine PIN vergessen
faq-forgot-a = Versuchen Sie nicht, sie zu erraten: Nach 3 falschen Versuchen ist die PIN gesperrt. Mit der PUK entsperren Sie sie und wählen eine neue PIN.
faq-blocked-q = Meine PIN ist gesperrt
faq-blocked-a = Die PUK entsperrt sie, und Sie wählen eine neue PIN. Auch die PUK hat nur wenige Versuche: Geben Sie sie in Ruhe ein.
faq-unblock-start = Drücken Sie in der Kartenansicht „{ ui-unblock-pin }" (oder „{ ui-forgot-pin }").
faq-unblock-1 = Schritt 1 von 3: Geben Sie die PUK ein und drücken Sie „{ ui-next }".
faq-unblock-2 = Schritt 2 von 3: Geben Sie die neue PIN zweimal ein und drücken Sie „{ ui-next }".
faq-unblock-3 = Schritt 3 von 3: Prüfen Sie die Zusammenfassung und klicken Sie auf „{ ui-confirm-unblock }".
faq-puk-q = Ich habe die PUK verloren, oder die PUK ist gesperrt
faq-lost-q = Ich habe meine Karte verloren
faq-browser-q = Wie melde ich mich mit der Karte bei Websites an?
faq-browser-1 = Drücken Sie in der Kartenansicht „{ ui-browser }".
faq-browser-2 = Schließen Sie Firefox und drücken Sie dann „{ ui-set-up-all }".
faq-browser-3 = Öffnen Sie den Browser wieder, gehen Sie zur Website und wählen Sie die Anmeldung mit der Karte (CNS, oder „Entra con CIE" mit dem Lesegerät): Der Browser fragt nach der PIN.
faq-open = Öffnen
help-report-intro = Wenn Sie den Support anrufen, werden Sie nach diesen Angaben gefragt: Sie können sie vorlesen, kopieren oder speichern. Die PIN steht nie darin.

## The helpdesk report (in the user's language; the helpdesk reads it back).

report-os = Betriebssystem
report-service = Smartcard-Dienst
report-service-running = läuft
report-service-stopped = läuft nicht
report-service-demo = nicht verwendet (Demo-Karte)
report-reader = Lesegerät
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
