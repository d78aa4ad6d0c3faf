-- 50_gate_window.lua: when a topic may advance.
--
--   * Cut-overs (stage 2 -> 3) and completions (3 -> 4) happen only inside the maintenance
--     window: Saturday and Sunday, WINDOW_START..WINDOW_END o'clock UTC.
--   * At most N topics of a task cut over at once; N is ctx.facts.max_cutting_over
--     (DEFAULT_MAX when the operator set none), and ctx.facts.cutting_over counts the topics
--     of the task in stage 3 now.
--   * Early steps (0 -> 1, 1 -> 2) and rollbacks are always allowed.
--
-- ctx = {topic, stage, next_stage, time (Unix seconds), task = {id}, facts = {…}};
-- returns {allow, reason}.

local WINDOW_START, WINDOW_END = 1, 5   -- 01:00 to 04:59 UTC
local DEFAULT_MAX = 2

local function in_window(time)
    local t = os.date("!*t", time)
    local weekend = t.wday == 1 or t.wday == 7   -- Sunday = 1, Saturday = 7
    return weekend and t.hour >= WINDOW_START and t.hour < WINDOW_END
end

function gate(ctx)
    if ctx.next_stage <= ctx.stage or ctx.next_stage < 3 then
        return { allow = true, reason = "early step or rollback" }
    end
    if not in_window(ctx.time) then
        return { allow = false, reason = os.date("!%a %H:%M UTC is outside the weekend 01:00-05:00 window", ctx.time) }
    end
    if ctx.next_stage == 3 then
        local limit = ctx.facts.max_cutting_over or DEFAULT_MAX
        local now = ctx.facts.cutting_over or 0
        if now >= limit then
            return { allow = false, reason = string.format("%d topics are cutting over already (at most %d)", now, limit) }
        end
    end
    return { allow = true, reason = "inside the maintenance window" }
end
