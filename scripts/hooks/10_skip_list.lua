-- 10_skip_list.lua: topics and groups that must not be migrated.
--
-- map(resource) returns nil to skip a resource, or {} to leave it to the next map hook.
-- Map hooks chain in file-name order (10_, 20_, 30_…): this one runs first, so a skipped
-- resource never reaches the namespace or queue policies.
--
-- Edit SKIP (exact names) and SKIP_PATTERNS (Lua patterns) for your estate.

local SKIP = {
    benchmark_topic = true,   -- mqadmin's benchmark topic
    SELF_TEST_TOPIC = true,   -- RocketMQ self-test
}

local SKIP_PATTERNS = {
    "^test_",                 -- load probes and experiments
    "_tmp$",                  -- throwaway topics
}

function map(resource)
    if SKIP[resource.name] then
        return nil
    end
    for _, pattern in ipairs(SKIP_PATTERNS) do
        if string.find(resource.name, pattern) then
            return nil
        end
    end
    return {}
end
