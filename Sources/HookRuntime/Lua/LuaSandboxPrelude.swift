/// The Lua half of the sandbox, run once per state before any script (trusted code).
///
/// It trims the opened libraries to the allow-list (base without `dofile`/`loadfile`/`require`/
/// `collectgarbage`/`warn`, `string` without `dump`, `table`, `math`, `utf8`, and `os` with only
/// `time`/`clock`/`date`), locks the string metatable, and returns a factory that builds one
/// environment per script: host globals readable but not rebindable (`print = nil`,
/// `string = {}`, `rawset(_G, …)` and `setmetatable(_G, …)` raise), library tables read-only,
/// `load` limited to text chunks, and no `__gc` metamethods (a finalizer would run outside a
/// budgeted call). Every script gets its own read-only copies of the library tables, and a proxy
/// never hands out the table behind it (its `__pairs` iterates through a closure), so no script
/// can change what another script's `string`, `os.time`… are.
enum LuaSandboxPrelude {
    static let source = #"""
    local error, next, pairs, rawget, rawset, setmetatable, tostring, type, load =
        error, next, pairs, rawget, rawset, setmetatable, tostring, type, load

    local protected = setmetatable({}, { __mode = "k" }) -- tables a script may not write

    local function readonly(source)
        local proxy = {}
        protected[proxy] = true
        return setmetatable(proxy, {
            __index = source,
            __newindex = function(_, key)
                error("cannot modify host library field '" .. tostring(key) .. "'", 2)
            end,
            __pairs = function(self)
                return function(_, key) return next(source, key) end, self, nil
            end,
            __len = function() return #source end,
            __metatable = "locked",
        })
    end

    local function copy(source, except)
        local result = {}
        for key, value in pairs(source) do
            if not except[key] then result[key] = value end
        end
        return result
    end

    string.dump = nil -- also reachable as ("").dump through the string metatable
    getmetatable("").__metatable = "locked"

    local libraries = {
        string = copy(string, {}), table = copy(table, {}), math = copy(math, {}), utf8 = copy(utf8, {}),
        os = { time = os.time, clock = os.clock, date = os.date },
    }
    local shared = {
        _VERSION = _VERSION,
        assert = assert, error = error, getmetatable = getmetatable, ipairs = ipairs, next = next,
        pairs = pairs, pcall = pcall, rawequal = rawequal, rawget = rawget, rawlen = rawlen,
        select = select, tonumber = tonumber, tostring = tostring, type = type, xpcall = xpcall,
    }
    shared.setmetatable = function(target, metatable)
        if protected[target] then error("cannot change the metatable of a host table", 2) end
        if type(metatable) == "table" and rawget(metatable, "__gc") ~= nil then
            error("__gc metamethods are not allowed in hooks", 2)
        end
        return setmetatable(target, metatable)
    end
    shared.rawset = function(target, key, value)
        if protected[target] then error("cannot rawset into a host table", 2) end
        return rawset(target, key, value)
    end

    return function(print)
        local env, base = {}, {}
        for key, value in next, shared do base[key] = value end
        for name, library in next, libraries do base[name] = readonly(copy(library, {})) end
        base._G = env
        base.print = print
        base.load = function(chunk, name, mode, custom)
            if mode ~= nil and mode ~= "t" then error("only text chunks can be loaded", 2) end
            if custom == nil then custom = env end
            return load(chunk, name, "t", custom)
        end
        protected[env] = true
        return setmetatable(env, {
            __index = base,
            __newindex = function(target, key, value)
                if base[key] ~= nil then error("cannot rebind host global '" .. tostring(key) .. "'", 2) end
                rawset(target, key, value)
            end,
            __metatable = "locked",
        })
    end
    """#
}
