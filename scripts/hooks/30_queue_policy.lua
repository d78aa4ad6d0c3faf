-- 30_queue_policy.lua: the queue-count policy for topics on the target cluster.
--
-- Target brokers bill and balance per queue, so queue counts are clamped to MIN..MAX and
-- rounded up to a multiple of STEP (one queue per consumer of a STEP-sized group).
-- Ordered topics keep their queue count: changing it would re-hash keys to other queues.
-- Groups have no queues and pass unchanged.

local MIN, MAX, STEP = 4, 32, 4

function map(resource)
    if resource.kind ~= "topic" or resource.order then
        return {}
    end
    local queues = math.max(MIN, math.min(MAX, resource.queues))
    queues = math.ceil(queues / STEP) * STEP
    if queues == resource.queues then
        return {}
    end
    return { queues = math.tointeger(queues) }
end
