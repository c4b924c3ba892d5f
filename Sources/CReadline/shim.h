#ifndef CALLSIM_READLINE_SHIM_H
#define CALLSIM_READLINE_SHIM_H
// readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects readline's mutable globals (and Glibc's stdout) as shared state:
// these accessors are the only way the callsim target touches them.

static inline void callsim_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void callsim_rl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void callsim_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void callsim_rl_set_completion_append_character(int value) { rl_completion_append_character = value; }
static inline void callsim_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void callsim_rl_set_point(int value) { rl_point = value; }
static inline int callsim_rl_end(void) { return rl_end; }
static inline int callsim_history_length(void) { return history_length; }
static inline int callsim_history_base(void) { return history_base; }
static inline void callsim_flush_stdout(void) { fflush(stdout); }
static inline FILE *callsim_stdin(void) { return stdin; }
static inline void callsim_flush_rl_outstream(void) { if (rl_outstream) fflush(rl_outstream); else fflush(stdout); }

#endif
