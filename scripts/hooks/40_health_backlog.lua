-- 40_health_backlog.lua: a health policy for the last step (3 Cutting over -> 4 Completed).
--
-- The built-in readiness checks already demand a drained source; this policy adds a business
-- threshold for earlier steps and a quiet-period rule before the source is dropped:
--   * backlog: every consumer group's backlog under BACKLOG_LIMIT messages (zero for 3 -> 4);
--   * quiet:   no write on the source for QUIET_SECONDS before 3 -> 4.
--
-- ctx = {topic, stage, next_stage, facts = {backlog = {group = n}, clients = {cluster = n},
--        write_tps, last_write_time}}; returns {ok, reason, checks = {{name, ok, reason}…}}.

local BACKLOG_LIMIT = 10000
local QUIET_SECONDS = 300

function health(ctx)
    local checks = {}
    local limit = ctx.next_stage == 4 and 0 or BACKLOG_LIMIT
    local worst, worst_group = 0, nil
    for group, backlog in pairs(ctx.facts.backlog or {}) do
        if backlog > worst then
            worst, worst_group = backlog, group
        end
    end
    local backlog_ok = worst <= limit
    checks[#checks + 1] = {
        name = "backlog",
        ok = backlog_ok,
        reason = backlog_ok and "backlog within limit"
            or string.format("group %s has %d messages waiting (limit %d)", worst_group, worst, limit),
    }

    if ctx.next_stage == 4 and ctx.facts.last_write_time then
        local idle = os.time() - ctx.facts.last_write_time
        local quiet = (ctx.facts.write_tps or 0) == 0 and idle >= QUIET_SECONDS
        checks[#checks + 1] = {
            name = "quiet",
            ok = quiet,
            reason = quiet and "no writes on the source" or "the source still receives writes",
        }
    end

    for _, check in ipairs(checks) do
        if not check.ok then
            return { ok = false, reason = check.reason, checks = checks }
        end
    end
    return { ok = true, reason = "backlog and quiet period fine", checks = checks }
end
