# Tessera — italiano (la lingua di riferimento: le altre traduzioni seguono questo file).
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Lettore
text-card-type = Tipo di carta
text-model = Modello
model-note-signature-token = token di firma: senza i dati della tessera sanitaria
model-note-selected-by-aid = applicazione CNS trovata per AID
text-holder = Titolare
text-codice-fiscale = Codice fiscale
text-card-number = Numero carta
text-certificate = Certificato
text-valid-until = valido fino al
text-days-left = giorni rimasti
text-expired = SCADUTO
text-pin-tries = Tentativi PIN rimasti
text-puk-tries = Tentativi PUK rimasti
text-unknown = non noto (la carta non lo comunica)
text-pin-in-use = non visibili ora: un programma ha fatto l'accesso con la carta (il browser?). Esci o chiudilo per vedere i tentativi.
text-blocked = BLOCCATO
text-issuer = Emittente
text-serial = Numero di serie
text-valid-from = Valido dal
text-key-usage = Uso della chiave
text-public-key = Chiave pubblica
text-subject = Soggetto
text-demo-banner = CARTA DIMOSTRATIVA: carta simulata per prova e formazione, non è una carta reale.
text-prompt-current-pin = PIN attuale: 
text-prompt-new-pin = Nuovo PIN: 
text-prompt-new-pin-again = Ripeti il nuovo PIN: 
text-prompt-puk = PUK: 
text-pin-changed = PIN cambiato. Da ora usa il nuovo PIN.
# Put the card back after an interrupted PIN operation: only counters are read.
text-put-card-back-to-check = Reinserisci la carta nello stesso lettore: Tessera legge solo i tentativi rimasti (nessun PIN viene inviato).
# The CLI waits for the card to come back.
text-waiting-up-to-60s = Attendo fino a 60 secondi…
# Another program holds the card (said after a second of waiting).
text-waiting-for-other-program = Attendo la carta: potrebbe usarla un altro programma (browser, altro software della carta), oppure la carta o il lettore sono ancora occupati da un'operazione precedente…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Ho smesso di attendere: nulla è stato inviato alla carta. Chiudi il browser o gli altri programmi della carta; se non ce n'è nessuno aperto, estrai e reinserisci la carta. Poi riprova.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = Un PIN o PUK era già stato inviato: potrebbe essere arrivato alla carta. Estrai e reinserisci la carta e guarda i tentativi rimasti prima di riprovare.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = Nessun PIN o PUK era stato inviato.
# The card went silent after a PIN or PUK was sent: take it out, the counters are then read.
text-mute-take-out-to-check = La carta non risponde, e un PIN o PUK era già stato inviato: potrebbe esserle arrivato. Estrai la carta dal lettore e reinseriscila: Tessera leggerà i tentativi rimasti (senza inviare PIN) e ti dirà che cosa è successo.
# The card does not answer (window banner).
text-card-does-not-answer = La carta non risponde da 15 secondi.
# Take the card out to free the reader.
text-take-card-out = Estrai la carta dal lettore e reinseriscila.
# The card did not come back in time after an interruption.
text-could-not-check = Non è stato possibile leggere la carta, quindi Tessera non ha potuto verificare che cosa è successo.
text-pin-unblocked = PIN sbloccato e sostituito con il nuovo PIN. I tentativi sono di nuovo 3.
text-last-try-warning-pin = ATTENZIONE: resta UN SOLO tentativo per il PIN. Se sbagli, il PIN si blocca e servirà il PUK.
text-last-try-warning-puk = ATTENZIONE: resta UN SOLO tentativo per il PUK. Se sbagli, il PUK si blocca per sempre: il PIN non si potrà più sbloccare e per i servizi online servirà una carta nuova (come tessera sanitaria o documento d'identità la carta resta valida).
text-unknown-tries-warning = La carta non comunica quanti tentativi restano: questo potrebbe essere l'ultimo.
text-confirm-last-try = Vuoi davvero usare questo tentativo? Scrivi SI per continuare: 
text-weak-pin-use-anyway = Usarlo comunque? [s/N] 
text-cancelled = Annullato: nulla è stato inviato alla carta.
text-no-readers = Nessun lettore di smart card trovato. Collega il lettore; per provare Tessera senza carta: tessera status --demo
text-card-present = carta inserita
text-no-card-in-reader = nessuna carta
text-exported = Certificato salvato in
text-puk-low-warning = Restano pochi tentativi PUK: controlla bene il PUK prima di inserirlo.
text-supported = gestita da Tessera
text-not-supported = non gestita da Tessera
text-maybe-cns-over-nfc = potrebbe essere una CNS letta via NFC (senza contatto): appoggiala al lettore per verificarlo
text-simulated-card = CARTA SIMULATA: questa carta è il simulatore di Tessera (autorità di prova), non una carta reale.

## The desktop window: menus, buttons, labels, screen texts.

ui-app-title = Tessera
ui-demo-mode = MODALITÀ DEMO — carta simulata, non reale
ui-demo-menu = Carta demo
ui-demo-cps = CPS Trentino
ui-demo-ts-cns = TS-CNS
ui-demo-ace-2025 = TS-CNS ACe 2025
ui-demo-idemia-2021 = TS-CNS IDEMIA 2021
ui-demo-cie = CIE 3.0
ui-demo-no-reader = Nessun lettore
ui-demo-unknown-card = Carta sconosciuta
ui-use-demo-card = Prova con la carta dimostrativa
ui-use-real-card = Usa la carta vera
ui-language = Lingua
ui-about = Informazioni
ui-about-text = Tessera gestisce la Carta Provinciale dei Servizi, le CNS e la CIE: cambio PIN, sblocco con il PUK, certificato.
ui-version = Versione
ui-close = Chiudi
ui-home = Carta
ui-back = Indietro
ui-next = Avanti
ui-cancel = Annulla
# Stop waiting for a mute card.
ui-stop-waiting = Smetti di attendere
ui-confirm = Conferma
ui-done = Fine
ui-retry = Riprova
ui-refresh = Aggiorna
ui-copy = Copia
ui-copied = Copiato
# The menu with theme and text size.
ui-appearance = Aspetto
ui-theme-system = Come il sistema
ui-theme-light = Chiaro
ui-theme-dark = Scuro
ui-text-size = Dimensione del testo
ui-replace-file = Sostituisci il file esistente
ui-save-as = Salva come…
ui-open-folder = Apri la cartella
ui-or-type-path = Oppure scrivi dove salvarlo:
ui-change-pin = Cambia PIN
ui-unblock-pin = Sblocca PIN
ui-forgot-pin = Ho dimenticato il PIN
ui-certificate = Certificato
ui-details = Dettagli
ui-helpdesk-details = Dettagli per l'assistenza
ui-current-pin-label = PIN attuale
ui-new-pin-label = Nuovo PIN
ui-new-pin-again-label = Ripeti il nuovo PIN
ui-puk-label = PUK
ui-rule-length = Lunghezza corretta
ui-rule-digits = Solo cifre 0-9
ui-rule-differs = Diverso dal PIN attuale
ui-rule-matches = I due PIN coincidono
ui-tries-of-max = tentativi rimasti
ui-summary = Riepilogo
ui-confirm-change = Cambia il PIN ora
ui-confirm-unblock = Sblocca il PIN ora
ui-last-try-title = Ultimo tentativo
ui-last-try-continue = Sì, usa l'ultimo tentativo
ui-last-try-cancel = No, non ora
ui-last-try-hint = Se non ricordi il PIN con certezza, usa «Ho dimenticato il PIN»: lo sblocchi con il PUK senza rischiare l'ultimo tentativo.
# In the last-try dialog of a PIN: the safe way, to the unblock with the PUK.
ui-last-try-use-puk = Usa il PUK invece
# On the card screen with a blocked PIN: to the help page's answer on a lost PUK.
ui-no-puk = Non hai il PUK?
ui-working = Attendere: la carta sta lavorando…
ui-changed-title = PIN cambiato
ui-unblocked-title = PIN sbloccato
ui-failed-title = Operazione non riuscita
ui-puk-blocked-title = La carta non può essere sbloccata
ui-pin-blocked-notice = Il PIN è bloccato.
ui-readers = Lettori
ui-no-card-title = Inserisci la carta
ui-card-busy-title = Carta occupata
ui-export-pem = Salva come PEM (testo)
ui-export-der = Salva come DER (binario)
ui-save-to = Salva in
ui-save = Salva
ui-saved = Salvato in
ui-valid-from = Valido dal
ui-valid-until = Valido fino al
ui-serial = Numero di serie
ui-issuer = Emittente
ui-key-usage = Uso della chiave
ui-expired = SCADUTO
ui-pin-step-1help = Scrivi il PIN attuale della carta. Nulla viene inviato alla carta finché non confermi al passo 3.
ui-pin-step-2help = Scegli il nuovo PIN e scrivilo due volte.
ui-card-removed-notice = La carta è stata rimossa.
ui-simulated = CARTA SIMULATA (autorità di prova)
ui-help = Aiuto
ui-report-title = Rapporto per l'assistenza
ui-include-personal = Includi nome e codice fiscale
ui-save-report = Salva il rapporto
ui-selftest = Prova la carta
ui-selftest-help = La prova controlla il certificato, verifica davvero il PIN (un PIN sbagliato consuma un tentativo), firma un dato casuale con la carta e controlla la firma.
ui-run-selftest = Avvia la prova
ui-step-cert-dates = Date del certificato
ui-step-pin = Verifica del PIN
ui-step-signature = Firma con la chiave della carta
ui-step-verified = Verifica della firma
ui-passed = superato
ui-failed = NON superato
ui-not-run = non eseguito
ui-selftest-ok = La carta funziona.
ui-selftest-ko = La prova ha trovato un problema.
ui-browser = Browser
ui-browser-help = Per accedere ai servizi online con la carta, il browser deve usare il modulo della carta. Chiudi Firefox prima di configurarlo.
ui-set-up-all = Configura tutti i browser
ui-remove-all = Rimuovi dai browser
ui-set-up = configurato
ui-not-set-up = non configurato
ui-browser-open = aperto: chiudilo prima
ui-no-profiles = Nessun profilo di Firefox o Chrome trovato.
ui-module = Modulo
# The browser page: after a setup, without profiles, with the demo card.
ui-no-profiles-next = Apri Firefox una volta (crea il suo profilo), chiudilo e poi premi «{ ui-refresh }».
ui-firefox-profile = Firefox, profilo «{ $name }»
ui-browser-done = Fatto: i browser sono configurati.
ui-browser-done-cns = Chiudi e riapri il browser, poi sul portale scegli l'accesso con CNS (Carta Nazionale dei Servizi): il browser ti chiederà il PIN della carta.
ui-browser-done-cie = Chiudi e riapri il browser, poi sul portale scegli «Entra con CIE» e l'accesso con la carta sul computer: il browser ti chiederà il PIN della carta.
ui-browser-demo = Con la carta di prova Tessera non modifica i tuoi browser: usa la carta vera per configurarli.
## Whole sentences with variables. $days, $count, $step: numbers (they choose the plural form).

# After the certificate's end date on the card screen: "(20 giorni rimasti)".
days-left = { $days ->
    [one] 1 giorno rimasto
   *[other] { $days } giorni rimasti
}
# Above each wizard step, read aloud by the helpdesk: "Passo 2 di 3".
wizard-step = Passo { $step } di { $count }

## The help page: frequently asked questions and the steps the helpdesk reads aloud. «…» quotes
## a button exactly as the window labels it (the references keep them the same).

help-faq-title = Domande frequenti
help-steps-intro = Al telefono con l'assistenza: i numeri dei passi sono gli stessi che vedi nella finestra («{ wizard-step-example }»).
wizard-step-example = Passo 2 di 3
faq-change-q = Come cambio il PIN?
faq-change-start = Nella schermata della carta premi «{ ui-change-pin }».
faq-change-1 = Passo 1 di 3: scrivi il PIN attuale e premi «{ ui-next }». Alla carta non viene ancora inviato nulla.
faq-change-2 = Passo 2 di 3: scrivi due volte il nuovo PIN e premi «{ ui-next }».
faq-change-3 = Passo 3 di 3: controlla il riepilogo e fai clic su «{ ui-confirm-change }»: solo quel clic cambia il PIN, il tasto Invio no. Se resta un solo tentativo, Tessera chiede prima conferma: «{ ui-last-try-cancel }» torna indietro senza usarlo.
faq-forgot-q = Ho dimenticato il PIN
faq-forgot-a = Non provare a indovinarlo: dopo 3 tentativi sbagliati il PIN si blocca. Con il PUK lo sblocchi e scegli un PIN nuovo.
faq-blocked-q = Il PIN è bloccato
faq-blocked-a = Si sblocca con il PUK, scegliendo un PIN nuovo. Anche il PUK ha un numero limitato di tentativi: scrivilo con calma.
faq-unblock-start = Nella schermata della carta premi «{ ui-unblock-pin }» (o «{ ui-forgot-pin }»).
faq-unblock-1 = Passo 1 di 3: scrivi il PUK e premi «{ ui-next }».
faq-unblock-2 = Passo 2 di 3: scrivi due volte il nuovo PIN e premi «{ ui-next }».
faq-unblock-3 = Passo 3 di 3: controlla il riepilogo e fai clic su «{ ui-confirm-unblock }».
faq-puk-lost-q = Ho perso il PUK
faq-puk-blocked-q = Il PUK è bloccato
faq-lost-q = Ho perso la carta
faq-browser-q = Come accedo ai siti con la carta?
faq-browser-1 = Nella schermata della carta premi «{ ui-browser }».
faq-browser-2 = Chiudi Firefox, poi premi «{ ui-set-up-all }».
faq-browser-3 = Riapri il browser, apri il sito e scegli l'accesso con la carta (CNS, o «Entra con CIE» con il lettore): il browser chiede il PIN.
faq-open = Vai
help-report-intro = Se chiami l'assistenza ti chiederanno questi dati: puoi leggerli, copiarli o salvarli. Il PIN non c'è mai.

## The helpdesk report (in the user's language; the helpdesk reads it back).

report-os = Sistema operativo
report-service = Servizio smart card
report-service-running = attivo
report-service-stopped = non attivo
report-service-demo = non usato (carta demo)
report-reader = Lettore
# The demo card's simulated reader, where a reader's name is shown.
reader-demo = Carta demo di Tessera (simulata)
report-card-in = carta inserita
report-no-card = nessuna carta
report-pinpad-yes = con tastierino per il PIN
report-pinpad-no = senza tastierino per il PIN
report-pinpad-unknown = tastierino per il PIN: non noto
report-card = Carta
report-simulated = [CARTA SIMULATA / DEMO]
report-card-number = Numero carta
report-pin-tries = Tentativi PIN rimasti
report-puk-tries = Tentativi PUK rimasti
report-unknown = non noto
report-windows-driver = Driver di Windows per questa carta
report-windows-no-driver = nessuno (Windows non ha un driver per questa carta)
report-cert-until = Scadenza del certificato
report-cert-days = { $days ->
    [one] 1 giorno
   *[other] { $days } giorni
}
report-holder = Titolare
report-codice-fiscale = Codice fiscale
report-personal = Dati personali
report-personal-left-out = non inclusi
report-browser = Browser
report-browser-installed = Browser installato
report-browser-not-found = nessun browser trovato
report-set-up = configurato
report-not-set-up = non configurato
report-open = (aperto)
report-not-installed = non installato
report-recent-error = Errore recente
# After an error repeated in the log: "(3 volte)".
report-error-times = { $count ->
    [one] 1 volta
   *[other] { $count } volte
}
# The report's first line after the version: local date and time.
report-created = Rapporto creato

## Error messages, one pair per row of the error table (crates/tessera-core/src/error_table.rs and
## the app's rows in src/error.rs): err-MSG-what says what happened, err-MSG-next what to do next.
## Variables: $tries_left, $kind (PIN or PUK), $digits, $min, $max, $atr, $name (a reader), $path,
## $detail (the technical cause, for the helpdesk), $cause (what broke, a whole sentence), $dir, $hint,
## and the advice for the card's issuer: $puk_where, $puk_blocked, $still_works. A token such as
## {"{demo}"} (a quoted literal) stays as it is: the window turns it into a button or page name, the
## command line into a command.

-err-check-nothing-sent = Controlla e riprova: nulla è stato inviato alla carta.
err-no-service-what = Il servizio smart card del sistema non è attivo.
err-no-service-next = Su Linux avvia pcscd{"{pcscd_cmd}"}; su Windows e macOS riavvia il computer. Per provare senza carta: {"{demo}"}
err-no-reader-what = Nessun lettore di smart card collegato.
err-no-reader-next = Collega il lettore e riprova. Per provare Tessera senza lettore: {"{demo}"}
err-unknown-reader-what = Lettore non trovato: { $name }
err-unknown-reader-next = {"{readers_hint}"}
err-no-card-what = Nessuna carta nel lettore.
err-no-card-next = Inserisci la carta con il chip rivolto verso l'alto e riprova.
err-card-removed-what = La carta è stata rimossa durante l'operazione.
err-card-removed-next = Reinserisci la carta e controlla i tentativi rimasti prima di riprovare; nulla viene ripetuto automaticamente.
err-card-reset-what = Un altro programma ha reinizializzato la carta durante l'operazione.
err-card-reset-next = Chiudi gli altri programmi che usano la carta (es. il browser), poi riprova; nulla viene ripetuto automaticamente.
err-card-busy-what = La carta è in uso da un altro programma.
err-card-busy-next = Chiudi l'altro programma (es. il browser) e riprova.
err-card-unresponsive-what = La carta non risponde.
err-card-unresponsive-next = Estrai la carta, controlla il verso (chip in alto, verso il lettore) e reinseriscila.
err-pcsc-interrupted-what = Operazione interrotta.
err-pcsc-interrupted-next = Riprova.
err-pcsc-error-what = Errore del servizio smart card: { $detail }
err-pcsc-error-next = Scollega e ricollega il lettore, poi riprova. Se persiste, genera un rapporto per l'assistenza.
err-card-died-what = La carta ha smesso di rispondere durante l'operazione.
err-card-died-next = Estrai e reinserisci la carta, poi controlla i tentativi rimasti prima di riprovare; nulla viene ripetuto automaticamente.
err-secure-channel-what = La comunicazione protetta con la carta si è interrotta (dati alterati o disturbo).
err-secure-channel-next = Estrai e reinserisci la carta, controlla i tentativi rimasti e riprova; nulla viene ripetuto automaticamente.
err-card-not-authentic-what = La carta non ha superato l'autenticazione: potrebbe non essere una CIE autentica.
err-card-not-authentic-next = Non inserire il PIN. Rivolgiti al Comune o all'assistenza con il rapporto: {"{report}"}
err-simulated-card-what = Questa carta si è autenticata con l'autorità di PROVA pubblica di Tessera: è una carta simulata, oppure una contraffazione che potrebbe leggere il PIN. Nessun PIN è stato inviato.
err-simulated-card-next = Non inserire il tuo PIN. Solo per prove con il simulatore di Tessera: {"{allow_sim}"}
err-card-error-what = La carta ha risposto in modo inatteso ({ $detail })
err-card-error-next = Riprova; se si ripete, genera un rapporto per l'assistenza con: {"{report}"}
err-wrong-pin-what = PIN errato. Tentativi rimasti: { $tries_left }.
err-wrong-pin-next = Controlla il PIN con calma prima di riprovare. Se non lo ricordi, usa il PUK: {"{forgot}"}
err-wrong-pin-now-blocked-what = PIN errato. Il PIN ora è BLOCCATO.
err-wrong-pin-now-blocked-next = Sbloccalo con il PUK: {"{unblock}"}. { $puk_where }
err-wrong-puk-what = PUK errato. Tentativi PUK rimasti: { $tries_left }.
err-wrong-puk-next = { $puk_where } Controllalo prima di riprovare: se i tentativi PUK finiscono il PIN non si può più sbloccare.
err-wrong-puk-now-blocked-what = PUK errato. Anche il PUK ora è BLOCCATO: il PIN non può più essere sbloccato.
err-wrong-puk-now-blocked-next = { $puk_blocked } { $still_works }
err-pin-blocked-what = Il PIN è bloccato (troppi tentativi errati).
err-pin-blocked-next = Sbloccalo con il PUK e scegli un nuovo PIN: {"{unblock}"}.
err-puk-blocked-what = Il PUK è bloccato: il PIN non può più essere sbloccato.
err-puk-blocked-next = { $puk_blocked } { $still_works }
err-login-expired-what = L'accesso con la carta non è più valido: nel frattempo qualcuno ha provato un PIN sbagliato. Il PIN memorizzato non è stato inviato.
err-login-expired-next = Accedi di nuovo inserendo il PIN.
err-last-try-pin-what = { text-last-try-warning-pin }
err-last-try-pin-next = {"{last_try_hint}"}
err-last-try-puk-what = { text-last-try-warning-puk }
err-last-try-puk-next = {"{last_try_hint}"}
err-last-try-unknown-what = { text-unknown-tries-warning }
err-last-try-unknown-next = {"{last_try_hint}"}
err-cancelled-what = { text-cancelled }
err-cancelled-next = Puoi riprovare quando vuoi.
err-pins-differ-what = I due nuovi PIN inseriti sono diversi.
err-pins-differ-next = Nulla è stato inviato alla carta: riprova.
err-same-pin-what = Il nuovo PIN è uguale a quello attuale.
err-same-pin-next = Scegli un PIN diverso: nulla è stato inviato alla carta.
err-pin-refused-by-card-what = La carta ha rifiutato il nuovo PIN.
err-pin-refused-by-card-next = Usa da 5 a 8 cifre e riprova.
err-secret-empty-what = Il { $kind } è vuoto.
err-secret-empty-next = { -err-check-nothing-sent }
err-secret-missing-what = Il { $kind } non è stato fornito: l'input è finito prima.
err-secret-missing-next = { -err-check-nothing-sent }
err-secret-not-text-what = Il { $kind } contiene byte che non sono testo.
err-secret-not-text-next = { -err-check-nothing-sent }
err-secret-too-long-what = Il { $kind } è troppo lungo: non è stato letto per intero.
err-secret-too-long-next = { -err-check-nothing-sent }
err-secret-spaces-what = Il { $kind } contiene spazi.
err-secret-spaces-next = { -err-check-nothing-sent }
err-secret-other-digits-what = Il { $kind } contiene cifre di un altro alfabeto: usa solo le cifre da 0 a 9.
err-secret-other-digits-next = { -err-check-nothing-sent }
err-secret-not-digits-what = Il { $kind } deve contenere solo cifre (da 0 a 9).
err-secret-not-digits-next = { -err-check-nothing-sent }
err-secret-exact-length-what = Il { $kind } deve avere esattamente { $digits } cifre.
err-secret-exact-length-next = { -err-check-nothing-sent }
err-secret-length-range-what = Il { $kind } deve avere da { $min } a { $max } cifre.
err-secret-length-range-next = { -err-check-nothing-sent }
err-interrupted-nothing-sent-what = { $cause } Nessun PIN o PUK è arrivato alla carta: il PIN non è cambiato e nessun tentativo è stato usato.
err-interrupted-nothing-sent-next = Reinserisci la carta e riprova.
err-interrupted-check-change-what = { $cause } Il PIN NON è stato cambiato. Il PIN attuale è arrivato alla carta per la verifica: se era sbagliato, un tentativo è stato usato.
err-interrupted-check-change-next = Il PIN valido resta quello vecchio. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il PIN inserito era giusto.
err-interrupted-check-unblock-what = { $cause } Il PIN NON è stato sbloccato. Il PUK è arrivato alla carta per la verifica: se era sbagliato, un tentativo PUK è stato usato.
err-interrupted-check-unblock-next = Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il PUK era giusto.
err-interrupted-change-what = { $cause } La richiesta di cambio PIN potrebbe essere arrivata alla carta prima che la connessione si interrompesse: Tessera non può sapere se la carta l'ha eseguita.
err-interrupted-change-next = Non provare ancora nessun PIN. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice quale PIN è valido, quando i contatori lo permettono.
err-interrupted-unblock-what = { $cause } La richiesta di sblocco potrebbe essere arrivata alla carta prima che la connessione si interrompesse: Tessera non può sapere se la carta l'ha eseguita.
err-interrupted-unblock-next = Non ripetere lo sblocco e non provare ancora nessun PIN. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il nuovo PIN è attivo, quando i contatori lo permettono.
err-unsupported-cie-what = Questa è una Carta d'Identità Elettronica (CIE): non è ancora gestita da questa versione. (ATR { $atr })
err-unsupported-cie-next = Per la CIE usa per ora il software CieID ufficiale.
err-unsupported-card-what = Carta non riconosciuta: non è una CPS/CNS né una CIE. (ATR { $atr })
err-unsupported-card-next = Controlla di aver inserito la Carta Provinciale dei Servizi (tessera sanitaria) e non un'altra carta.
err-card-model-not-supported-what = È una carta CNS, ma di un modello che Tessera non sa ancora leggere: non ha trovato né i dati del titolare né il certificato. (ATR { $atr })
err-card-model-not-supported-next = La carta non è rovinata e nessun PIN è stato usato. Invia il rapporto ({"{report}"}) agli sviluppatori di Tessera perché il modello venga aggiunto.
err-bad-certificate-what = Il certificato sulla carta non è leggibile ({ $detail })
err-bad-certificate-next = Rivolgiti all'assistenza: la carta potrebbe essere da sostituire.
err-no-certificate-what = Tessera non ha trovato il certificato di autenticazione nei punti in cui lo tengono i modelli di carta che conosce.
err-no-certificate-next = Può essere un modello di carta che Tessera non conosce ancora (invia il rapporto: {"{report}"}) oppure una carta mai attivata per i servizi online (in tal caso chiedi all'ente che l'ha emessa).
err-io-not-found-what = Impossibile scrivere { $path }: la cartella non esiste.
err-io-not-found-next = Crea prima la cartella, oppure scegli una cartella che esiste già.
err-io-exists-what = Impossibile scrivere { $path }: il file esiste già.
err-io-exists-next = {"{replace_hint}"}
err-io-denied-what = Impossibile scrivere { $path }: non hai il permesso di scrivere lì.
err-io-denied-next = Scegli una cartella tua, per esempio Documenti.
err-io-full-what = Impossibile scrivere { $path }: il disco è pieno.
err-io-full-next = Libera spazio o scegli un altro disco. Il file precedente, se c'era, è rimasto com'era.
err-io-other-what = Impossibile scrivere { $path }: { $detail }
err-io-other-next = Scegli un'altra cartella o un altro nome di file.
err-browser-running-what = Firefox è aperto su questo profilo: la configurazione non è stata modificata. ({ $dir })
err-browser-running-next = Chiudi Firefox e riprova.
err-no-pkcs11-module-what = Manca il modulo che permette al browser di usare la carta.
err-no-pkcs11-module-next = Installa: { $hint }
err-browser-policy-what = Il file di policy di Firefox non è leggibile: { $path } ({ $detail })
err-browser-policy-next = Il file NON è stato modificato. Correggilo (deve essere JSON con un oggetto "policies") e riprova.
err-browser-read-only-what = L'elenco dei moduli del browser è in sola lettura, quindi Tessera lo ha lasciato com'è: { $path }
err-browser-read-only-next = Se lo hai reso di sola lettura apposta, aggiungi tu il modulo; altrimenti rendi il file scrivibile e riprova.
err-browser-database-what = Database del browser non modificabile ({ $detail })
err-browser-database-next = Apri il browser una volta, chiudilo e riprova.
err-internal-error-what = Errore interno di Tessera: l'operazione è stata interrotta. ({ $detail })
err-internal-error-next = Estrai e reinserisci la carta e guarda i tentativi rimasti prima di riprovare. Invia il rapporto agli sviluppatori.


err-checked-card-had-carried-out = Verificato: la carta aveva eseguito il cambio. Il NUOVO PIN è attivo (il contatore è tornato al massimo).
err-use-new-pin-from-now = Usa il nuovo PIN da ora in poi. Non serve ripetere il cambio.
err-checked-card-had-carried-out-2 = Verificato: la carta aveva eseguito lo sblocco. Il PIN è sbloccato e vale il NUOVO PIN.
err-use-new-pin-from-now-2 = Usa il nuovo PIN da ora in poi. Non serve ripetere lo sblocco.
err-old-pin-still-valid-one-2 = Il PIN valido resta quello vecchio: controllalo con calma prima di riprovare.
err-check-puk-before-trying-again = Controlla il PUK prima di riprovare.
err-can-try-again = Puoi riprovare.
err-next-time-try-new-pin = Scoprirlo costa al massimo un tentativo: al prossimo utilizzo prova il NUOVO PIN; se la carta lo rifiuta, è valido il vecchio PIN (avrai un tentativo in meno). Non provare altri PIN.
err-next-time-try-new-pin-2 = Scoprirlo costa al massimo un tentativo: al prossimo utilizzo prova il NUOVO PIN; se la carta lo rifiuta, è valido il PIN di prima (avrai un tentativo in meno). Non ripetere lo sblocco prima di aver provato.
err-checked-change-did-not-happen = Verificato: il cambio NON è avvenuto perché il PIN attuale inserito era sbagliato. Tentativi PIN rimasti: { $pin_left }.
err-checked-unblock-did-not-happen = Verificato: lo sblocco NON è avvenuto perché il PUK era sbagliato. Tentativi PUK rimasti: { $puk_left }.
err-change-outcome-unknown = I contatori non mostrano se il cambio è avvenuto (tentativi PIN rimasti: { $pin_left }, come prima): può essere attivo il vecchio PIN o il nuovo.
err-unblock-outcome-unknown = I contatori non mostrano se lo sblocco è avvenuto (tentativi PIN: { $pin_left }, PUK: { $puk_left }): può essere attivo il nuovo PIN o quello di prima.
err-change-not-done-no-try-used = Verificato: il cambio NON è avvenuto e nessun tentativo è stato usato. Vale ancora il vecchio PIN.
err-change-not-done = Verificato: il cambio NON è avvenuto. Vale ancora il vecchio PIN.
err-unblock-not-done-no-try-used = Verificato: lo sblocco NON è avvenuto e nessun tentativo PUK è stato usato.
err-unblock-not-done = Verificato: lo sblocco NON è avvenuto.
err-next-time-counter-unknown = La carta non mostra i tentativi rimasti, quindi un tentativo sbagliato potrebbe essere l'ultimo: prova prima il NUOVO PIN, e il vecchio solo se ne sei sicuro. Nel dubbio, sblocca con il PUK.
err-unchecked-check-change = Il PIN NON è stato cambiato: il vecchio PIN è ancora valido. Prima di riprovare, guarda con Tessera i tentativi PIN rimasti (non se ne usa nessuno): erano { $before }; uno in meno vuol dire che il PIN attuale digitato era sbagliato.
err-unchecked-check-unblock = Il PIN NON è stato sbloccato. Prima di riprovare, guarda con Tessera i tentativi PUK rimasti (non se ne usa nessuno): erano { $before }; uno in meno vuol dire che il PUK digitato era sbagliato.
err-unchecked-change = Prima del cambio il PIN aveva { $before } tentativi. Quando la carta è di nuovo inserita, guardali con Tessera prima di usare un PIN (non se ne usa nessuno): { $max } vuol dire che è attivo il nuovo PIN; { $before } che il cambio non è avvenuto; { $fewer } che il PIN attuale digitato era sbagliato. Negli ultimi due casi è valido il vecchio PIN.
err-unchecked-unblock = Prima dello sblocco il PIN aveva { $before } tentativi. Quando la carta è di nuovo inserita, guarda con Tessera i tentativi prima di usare un PIN (non se ne usa nessuno): PIN di nuovo a { $max } vuol dire sbloccato con il nuovo PIN; PIN ancora a { $before } che lo sblocco non è avvenuto (e se i tentativi PUK sono scesi di uno, il PUK era sbagliato). Non ripetere lo sblocco prima di aver guardato.
err-unchecked-full = Il contatore PIN era pieno già prima ({ $max }). Quando la carta è di nuovo inserita, guarda con Tessera i tentativi rimasti prima di usare un PIN (non se ne usa nessuno): { $fewer } vuol dire che il PIN attuale digitato era sbagliato ed è valido il vecchio PIN; { $max } non permette di capirlo — può essere attivo l'uno o l'altro PIN, e scoprirlo costa al massimo un tentativo: prova prima il NUOVO PIN; se la carta lo rifiuta, è valido il vecchio. Non provare altri PIN.
err-unchecked-full-unblock = Il PIN non era bloccato prima (il contatore era pieno, { $max }). Quando la carta è di nuovo inserita, guarda con Tessera i tentativi rimasti prima di usare un PIN (non se ne usa nessuno): un tentativo PUK in meno vuol dire che il PUK era sbagliato e non è cambiato nulla; altrimenti può essere attivo l'uno o l'altro PIN, e scoprirlo costa al massimo un tentativo: prova prima il NUOVO PIN; se la carta lo rifiuta, è valido il PIN di prima.
err-unchecked-unknown = La carta non mostrava il contatore prima, quindi può essere attivo l'uno o l'altro PIN. Prima di provarne uno, guarda con Tessera i tentativi rimasti (non se ne usa nessuno); se ne resta uno solo, sblocca con il PUK invece di indovinare.

## What to do and where to go, per issuer of the card (advice-ISSUER-…): cps = the Trentino CPS
## (APSS), ts-cns = other regions' health cards, cie = the identity card (the Comune), unknown =
## a card whose issuer is not known (no office is named).

advice-cps-puk-where = Il PUK (8 cifre) è nella busta con PIN e PUK ricevuta con la carta.
advice-cps-puk-blocked = Serve una nuova carta: richiedila a uno sportello del distretto sanitario APSS o all'Agenzia delle Entrate, con un documento d'identità.
advice-cps-still-works = La carta vale ancora come tessera sanitaria: non serve il PIN per usarla dal medico o in farmacia.
advice-cps-expiring = Rinnova la carta online sul portale della Provincia PRIMA della scadenza (serve la carta ancora valida), oppure a uno sportello APSS.
advice-cps-expired = I servizi online non sono più accessibili con questa carta. Richiedi la nuova carta a uno sportello APSS o all'Agenzia delle Entrate.
advice-cps-lost = Bloccala subito chiamando il numero verde 800 22 80 40 con il codice CIP, poi chiedi una nuova carta a uno sportello APSS.
advice-ts-cns-puk-where = Il PUK (8 cifre) è nella busta con PIN e PUK consegnata con la carta o al momento dell'attivazione.
advice-ts-cns-puk-blocked = Serve una nuova carta: chiedila all'ente che l'ha emessa (l'azienda sanitaria della tua regione o un ufficio dell'Agenzia delle Entrate), con un documento d'identità.
advice-ts-cns-still-works = La carta vale ancora come tessera sanitaria: non serve il PIN per usarla dal medico o in farmacia.
advice-ts-cns-expiring = La nuova tessera arriva di norma per posta prima della scadenza; se non arriva, chiedi all'azienda sanitaria o all'Agenzia delle Entrate.
advice-ts-cns-expired = I servizi online non sono più accessibili con questa carta. Chiedi la nuova carta all'azienda sanitaria della tua regione o all'Agenzia delle Entrate.
advice-ts-cns-lost = Chiedi il blocco e un duplicato all'Agenzia delle Entrate o all'azienda sanitaria della tua regione.
advice-cie-puk-where = Il PUK della CIE ha 8 cifre in due metà: le prime 4 sono sulla ricevuta rilasciata dal Comune alla richiesta, le ultime 4 nella lettera arrivata con la carta. Se le hai perse, l'app CieID offre «Recupero PUK», oppure il Comune può ristamparle.
advice-cie-puk-lost = Nell'app CieID, dal menu, «Recupero PUK»: la risposta arriva entro 48 ore e serve il numero di telefono o l'indirizzo e-mail dati al Comune quando hai chiesto la carta. Altrimenti chiedi al tuo Comune la «ristampa PIN/PUK» (di solito per e-mail, con una copia della carta): la prima metà si ritira allo sportello, la seconda arriva per e-mail entro 5 giorni lavorativi. Con il PUK, in CieID «Sblocca carta» sceglie anche un PIN nuovo.
advice-cie-puk-blocked = Rivolgiti all'ufficio anagrafe del tuo Comune: può ristampare i codici o rilasciare una nuova carta.
advice-cie-still-works = La CIE resta valida come documento d'identità: si perde solo l'uso online con il PIN.
advice-cie-expiring = Per la nuova CIE prendi appuntamento all'ufficio anagrafe del tuo Comune prima della scadenza.
advice-cie-expired = Il certificato della CIE è scaduto: i servizi online non sono più accessibili. Chiedi la nuova carta al tuo Comune.
advice-cie-lost = Denuncia lo smarrimento o il furto a Polizia o Carabinieri, poi chiedi la nuova carta al tuo Comune con la denuncia.
advice-unknown-puk-where = Il PUK (8 cifre) è nei codici consegnati con la carta.
advice-unknown-puk-blocked = Serve una nuova carta o una ristampa dei codici: chiedila all'ente che ha emesso la carta, con un documento d'identità.
advice-unknown-expiring = Chiedi il rinnovo all'ente che ha emesso la carta prima della scadenza.
advice-unknown-expired = I servizi online non sono più accessibili con questa carta. Chiedi una nuova carta all'ente che l'ha emessa.
advice-unknown-lost = Chiedi subito il blocco all'ente che ha emesso la carta.

## The ways to act that messages name ({"{demo}"}, {"{report}"}…): -window in the window (its own
## buttons and menus, never a command), -cli on the command line. action-quoted: how the language
## quotes a button's name.
action-menu = menu
action-quoted = «{ $label }»
action-readers-hint-window = I lettori che Tessera vede sono elencati nella schermata principale.
action-readers-hint-cli = Elenca i lettori con: tessera readers
action-allow-sim-window = la finestra non lo consente.
action-allow-sim-cli = aggiungi --allow-simulated-card.
action-replace-hint-window = Scegli un altro nome di file.
action-replace-hint-cli = Scegli un altro nome di file, oppure usa --force per sostituire quello esistente.
action-last-try-hint-window = Nulla è stato inviato.
action-last-try-hint-cli = Nulla è stato inviato. Se sei sicuro, ripeti il comando aggiungendo --confirm-last-try.

## The command line only.
cli-no-browser-profile-found-firefox = Nessun profilo di browser trovato (Firefox, Chrome).
cli-changed = modificato
cli-already-so = già a posto
cli-set-up = configurato
cli-not-set-up = non configurato
cli-test-really-verifies-pin-wrong = La prova verifica davvero il PIN: se è sbagliato consuma un tentativo.
cli-certificate-dates = Date del certificato
cli-signature-cards-key = Firma con la chiave della carta
cli-signature-verification = Verifica della firma

## The demo card's training states (the Demo card menu).
preset-1-pin-try-left = 1 tentativo PIN rimasto
preset-pin-blocked = PIN bloccato
preset-pin-blocked-2-puk-tries = PIN bloccato, 2 tentativi PUK
preset-puk-blocked = PUK bloccato
preset-certificate-expiring = Certificato in scadenza
preset-certificate-expired = Certificato scaduto
preset-new-card = Carta nuova

## Warnings about a weak new PIN (the wizard's step 3 and the command line).
warning-new-pin-has-all-digits = Il nuovo PIN ha tutte le cifre uguali: è facile da indovinare.
warning-new-pin-sequence-like-12345 = Il nuovo PIN è una sequenza (come 12345): è facile da indovinare.
warning-new-pin-birth-date-easy = Il nuovo PIN è la tua data di nascita: è facile da indovinare.

## The PIN wizards. $card: type · number · holder; $tries: a number, or "unknown" when the card does not say.
wizard-unknown = non noti
wizard-summary-change = Stai per cambiare il PIN della carta { $card }. Tentativi PIN rimasti: { $tries }.
wizard-summary-unblock = Stai per sbloccare il PIN della carta { $card } con il PUK e impostare il nuovo PIN. Tentativi PUK rimasti: { $tries }.

## Dates as people write them: "28 novembre 2031", "28 November 2031", "28. November 2031".
date-long = { $day } { $month } { $year }
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre

## The card self-test's details.
selftest-dates = dal { $from } al { $until } ({ $days ->
    [one] 1 giorno rimasto
   *[other] { $days } giorni rimasti
})
selftest-pin-verified = PIN verificato
selftest-signed = firma di { $bytes } byte
selftest-matches = corrisponde alla chiave pubblica del certificato
selftest-no-match = NON corrisponde al certificato
selftest-wrong = { $kind } errato: { $tries ->
    [one] 1 tentativo rimasto
   *[other] { $tries } tentativi rimasti
}

## A certificate's key usages, as the certificate screen and `tessera cert show` name them.
key-usage-digital-signature = firma digitale
key-usage-non-repudiation = non ripudio (nonRepudiation)
key-usage-key-encipherment = cifratura di chiavi
key-usage-data-encipherment = cifratura di dati
key-usage-key-agreement = accordo di chiavi
key-usage-client-auth = accesso ai siti (autenticazione)
key-usage-email-protection = posta elettronica protetta
key-usage-server-auth = identificazione di un server
key-usage-code-signing = firma di programmi

## The error log the helpdesk report shows (written in the user's language).
log-selftest-failed = la prova della carta non è riuscita

## The command line's help (tessera --help, tessera <command> --help) and usage errors.
cli-heading-usage = Uso:
cli-heading-commands = Comandi
cli-heading-options = Opzioni
cli-heading-arguments = Argomenti
cli-value-command = COMANDO
cli-word-options = [OPZIONI]
cli-word-default = [predefinito:{" "}
cli-word-env = [variabile:{" "}
cli-word-possible = [valori possibili:{" "}
cli-help-flag = Mostra questo aiuto
cli-version-flag = Mostra la versione
cli-error = errore:
cli-error-unknown-argument = l'opzione «{ $arg }» non esiste.
cli-error-unknown-command = il comando «{ $arg }» non esiste.
cli-error-invalid-value = il valore «{ $value }» non va bene per { $arg }.
cli-error-missing = manca { $arg }.
cli-error-missing-command = manca il comando.
cli-error-no-equals = { $arg } vuole il valore attaccato con «=», per esempio --demo=pin-blocked.
cli-error-conflict = { $arg } non si può usare insieme a { $other }.
cli-error-too-many = { $arg } è dato più volte del consentito.
cli-error-valid-values = Valori possibili: { $values }
cli-error-did-you-mean = Forse intendevi «{ $name }»?
cli-error-more = Per l'aiuto: tessera --help (o tessera <comando> --help).
cli-value-lang = Tessera parla it (italiano), en (English) e de (Deutsch)
cli-value-model-not-state = «{ $value }» è un modello di carta, non uno stato: usa --demo --demo-profile { $value } (stati: { $states })
cli-value-states = Gli stati della carta demo sono { $states }
cli-value-models = I modelli della carta demo sono { $models }
cli-value-did-you-mean = ; forse intendevi «{ $name }»?
cli = Tessera: gestisci la tua carta CPS / CNS / CIE (PIN, PUK, certificato). Senza comando apre la finestra.
cli-arg-lang = Lingua dei messaggi: it, en, de (predefinita: quella del sistema).
cli-arg-verbose = Più dettagli nel log su stderr (-v debug, -vv traccia APDU; i PIN sono sempre nascosti).
cli-arg-window-demo = Senza comando: apre la finestra sulla carta demo simulata; stato facoltativo (fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired).
cli-arg-window-demo-profile = Senza comando: modello della carta demo (cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto).
cli-readers = Elenca i lettori di smart card e dice se c'è una carta.
cli-arg-json = Risultato in JSON su stdout (per programmi).
cli-status = Mostra la carta: tipo, titolare, numero, certificato, tentativi PIN e PUK rimasti (nessun tentativo usato).
cli-arg-reader = Usa la carta in questo lettore (predefinito: il primo lettore con una carta).
cli-arg-demo = Usa la carta demo simulata invece di una vera; stato facoltativo: fresh, pin-last-try, pin-blocked, puk-low, puk-blocked, cert-expiring, cert-expired.
cli-arg-demo-profile = Modello della carta demo: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-arg-allow-simulated-card = Lascia ricevere un PIN a una carta dell'autorità di prova pubblica di Tessera (il simulatore in un lettore vero). Senza, una carta così è rifiutata prima di inviare un PIN.
cli-pin = Cambia o sblocca il PIN.
cli-pin-change = Cambia il PIN (chiede il PIN attuale e due volte quello nuovo).
cli-arg-confirm-last-try = Procedi anche se questo può essere l'ultimo tentativo del PIN.
cli-pin-unblock = Sblocca il PIN con il PUK e scegli un nuovo PIN.
cli-pin-unblock--confirm-last-try = Procedi anche se questo può essere l'ultimo tentativo del PUK.
cli-cert = Mostra o esporta il certificato di autenticazione.
cli-cert-show = Mostra il certificato di autenticazione.
cli-cert-export = Salva il certificato di autenticazione in un file.
cli-arg-format = Formato del file.
cli-arg-out = File da scrivere (predefinito: certificato-<codice fiscale>.pem|der nella cartella Documenti).
cli-arg-force = Sostituisci il file se esiste.
cli-atr = Spiega un ATR (copiato da un rapporto): tipo di carta, produttore, versione.
cli-arg-hex = L'ATR in esadecimale, per esempio "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C".
cli-browser = Accesso con il browser: mostra, configura o rimuovi il modulo PKCS#11 della carta in Firefox e Chrome.
cli-browser-status = Per ogni profilo del browser: il modulo della carta è registrato?
cli-browser-setup = Registra il modulo della carta in ogni profilo del browser (Firefox deve essere chiuso).
cli-browser-remove = Rimuovi il modulo della carta da ogni profilo del browser.
cli-arg-nss-db = Solo questa cartella di database NSS (invece di ogni profilo trovato).
cli-arg-card-type = Il tipo di carta da configurare (CPS, TS-CNS, CNS, CIE); predefinito: quello della carta inserita.
cli-arg-module = Il modulo PKCS#11: tessera (predefinito, ogni carta), opensc (solo i lotti CNS classici), cie (il modulo CIE ufficiale), o il percorso di una libreria.
cli-arg-policy-file = Scrivi anche la policy aziendale di Firefox (SecurityDevices) in questo file (per amministratori), per esempio /etc/firefox/policies/policies.json.
cli-report = Un rapporto per l'assistenza (nessun dato personale se non richiesto; mai un PIN).
cli-arg-include-personal-data = Includi nome e codice fiscale del titolare.
cli-report--out = Scrivi il rapporto anche in questo file (un file esistente solo con --force).
cli-report--force = Sostituisci il file di --out se esiste.
cli-selftest = Prova la carta: date del certificato, PIN (un tentativo vero), una firma e la sua verifica.
cli-simulate = Avvia una carta simulata nel lettore virtuale vsmartcard (vpcd), per test e formazione.
cli-simulate--profile = Modello della carta: cps, ts-cns, st2022-nfc, ace2025, ace2025-strict, idemia2021, cns-token, cie, cie-gemalto.
cli-simulate--preset = Stato iniziale (vedi --demo).
cli-simulate--pin = Il PIN della carta simulata (un valore di prova, mai un PIN vero).
cli-simulate--puk = Il PUK della carta simulata (un valore di prova, mai un PUK vero).
cli-simulate--vpcd = Indirizzo di vpcd.
cli-simulate--forever = Reinserisci la carta ogni volta che vpcd o un guasto la tolgono.
cli-simulate--write-ca = Scrivi anche qui il certificato della CA di prova del simulatore (PEM): quello di cui un server TLS di prova si fida per accettare la carta simulata.
