#ifndef CURBSIDE_CREADLINE_SHIM_H
#define CURBSIDE_CREADLINE_SHIM_H
#include <stdio.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* readline's settings are C globals; these set them, so Swift never touches shared state. */

static inline void curbside_rl_setup(rl_completion_func_t *complete) {
  rl_readline_name = "curbside";
  rl_attempted_completion_function = complete;
}

/* Tell readline not to fall back to file-name completion. */
static inline void curbside_rl_completion_over(void) { rl_attempted_completion_over = 1; }

/* Ctrl-C: abandon the line being typed and show a fresh prompt. */
static inline void curbside_rl_abandon_line(void) {
  (void)write(1, "\n", 1);
  rl_on_new_line();
  rl_replace_line("", 0);
  rl_redisplay();
}
#endif
