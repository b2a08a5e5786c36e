# The group the fault scripts (faults.sh, eio.sh) break disks under: a secretariat SEC, a member
# A (Alice) whose home takes the faults, and a member O (Olga) who reads what reaches the
# folder F. The script sets F, SEC, A and O (where each lives decides which disk it is on).
fault_group() {
    mkdir -p "$F"
    q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
    q "$BIN" sync --home "$SEC" --folder "$F"
    q "$BIN" invite --home "$SEC" --name "Alice" --org "Org A" --role member --out "$T/alice.invite"
    q "$BIN" invite --home "$SEC" --name "Olga" --org "Org O" --role member --out "$T/olga.invite"
    q "$BIN" sync --home "$SEC"
    q "$BIN" join "$T/alice.invite" --home "$A" --name "Alice" --folder "$F"
    q "$BIN" join "$T/olga.invite" --home "$O" --name "Olga" --folder "$F"
    syncall "$SEC" "$A" "$O" "$SEC" "$A" "$O"
}
