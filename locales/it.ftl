# Tessera — italiano (la lingua di riferimento: le altre traduzioni seguono questo file).
# One message per key; every key is in every language (a test checks it).
# Comments starting with "#" tell translators where the text appears.

## Shared by the window and the command line: field names, prompts, states.

text-reader = Lettore
text-card-type = Tipo di carta
text-model = Modello
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
text-waiting-for-other-program = Attendo che un altro programma (browser, altro software della carta) liberi la carta…
# Gave up waiting for another program: nothing was sent.
text-gave-up-waiting = Ho smesso di attendere: nulla è stato inviato alla carta. Chiudi il browser o l'altro programma e riprova.
# The card went silent after a PIN or PUK was sent.
text-mute-after-secret = Un PIN o PUK era già stato inviato: potrebbe essere arrivato alla carta. Estrai e reinserisci la carta e guarda i tentativi rimasti prima di riprovare.
# The card went silent; no PIN or PUK had been sent.
text-mute-nothing-secret = Nessun PIN o PUK era stato inviato.
# The card does not answer (window banner).
text-card-does-not-answer = La carta non risponde da 15 secondi.
# Take the card out to free the reader.
text-take-card-out = Estrai la carta dal lettore e reinseriscila.
# The card did not come back in time after an interruption.
text-could-not-check = Non è stato possibile leggere la carta. Quando la reinserisci, apri Tessera e guarda i tentativi rimasti prima di usare un PIN: se il contatore PIN è pieno dopo un cambio, vale il nuovo PIN.
text-pin-unblocked = PIN sbloccato e sostituito con il nuovo PIN. I tentativi sono di nuovo 3.
text-last-try-warning-pin = ATTENZIONE: resta UN SOLO tentativo per il PIN. Se sbagli, il PIN si blocca e servirà il PUK.
text-last-try-warning-puk = ATTENZIONE: resta UN SOLO tentativo per il PUK. Se sbagli, la carta diventa inutilizzabile.
text-unknown-tries-warning = La carta non comunica quanti tentativi restano: questo potrebbe essere l'ultimo.
text-confirm-last-try = Vuoi davvero usare questo tentativo? Scrivi SI per continuare: 
text-weak-pin-use-anyway = Usarlo comunque? [s/N] 
text-cancelled = Annullato: nulla è stato inviato alla carta.
text-no-readers = Nessun lettore di smart card trovato. Collega il lettore; per provare Tessera senza carta: tessera status --demo
text-card-present = carta inserita
text-no-card-in-reader = nessuna carta
text-exported = Certificato salvato in
text-puk-low-warning = Restano pochi tentativi PUK: controlla bene il PUK (busta consegnata con la carta) prima di inserirlo.
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
ui-pin-step-1help = Scrivi il PIN che usi oggi. Nulla viene inviato alla carta finché non confermi al passo 3.
ui-pin-step-2help = Scegli il nuovo PIN e scrivilo due volte.
ui-puk-step-1help = Il PUK è nella busta consegnata con la carta (8 cifre).
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
faq-change-3 = Passo 3 di 3: controlla il riepilogo e fai clic su «{ ui-confirm-change }». Il tasto Invio qui non invia nulla.
faq-forgot-q = Ho dimenticato il PIN
faq-forgot-a = Non provare a indovinarlo: dopo 3 tentativi sbagliati il PIN si blocca. Con il PUK lo sblocchi e scegli un PIN nuovo.
faq-blocked-q = Il PIN è bloccato
faq-blocked-a = Si sblocca con il PUK, scegliendo un PIN nuovo. Anche il PUK ha un numero limitato di tentativi: scrivilo con calma.
faq-unblock-start = Nella schermata della carta premi «{ ui-unblock-pin }» (o «{ ui-forgot-pin }»).
faq-unblock-1 = Passo 1 di 3: scrivi il PUK e premi «{ ui-next }».
faq-unblock-2 = Passo 2 di 3: scrivi due volte il nuovo PIN e premi «{ ui-next }».
faq-unblock-3 = Passo 3 di 3: controlla il riepilogo e fai clic su «{ ui-confirm-unblock }».
faq-puk-q = Ho perso il PUK, o il PUK è bloccato
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
