# Sourced by the benchmark scripts that keep an EXIT trap (a PostgreSQL server of their own to stop), where the bench
# cannot simply be exec'd: run_bench COMMAND... runs it in the background, passes INT, TERM and HUP on to it as TERM (the
# bench then stops every process it started) and returns its status once it has ended. Without it, a signal to the script
# alone (kill, timeout) ended the script and left the bench and what it started running.
run_bench() {
  "$@" &
  local pid=$! status=0
  trap 'kill -TERM "$pid" 2>/dev/null' INT TERM HUP
  wait "$pid" || status=$?
  while kill -0 "$pid" 2>/dev/null; do
    wait "$pid" || status=$?
  done
  trap - INT TERM HUP
  return "$status"
}
