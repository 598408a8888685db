-- Agent Boundary's language server in Neovim 0.7's built-in LSP client (headless).
-- Run by test/e2e/nvim/run.ts as: nvim --headless -u NONE -i NONE -n -c 'luafile test.lua'
-- Environment: AB_SERVER (server/out/server.js), AB_ROOT (workspace), AB_FILE (fixture), AB_FILETYPE,
-- AB_CATEGORY (the finding to fix, e.g. 'net'), AB_SINK (text of the line it must sit on), AB_RESULTS (JSON out).
local server = assert(os.getenv('AB_SERVER'), 'AB_SERVER')
local root = assert(os.getenv('AB_ROOT'), 'AB_ROOT')
local file = assert(os.getenv('AB_FILE'), 'AB_FILE')
local filetype = assert(os.getenv('AB_FILETYPE'), 'AB_FILETYPE')
local prefix = assert(os.getenv('AB_CATEGORY'), 'AB_CATEGORY') .. '/'
local sink = assert(os.getenv('AB_SINK'), 'AB_SINK')
local results_path = assert(os.getenv('AB_RESULTS'), 'AB_RESULTS')
local WAIT_MS = tonumber(os.getenv('AB_WAIT_MS') or '60000')

local results = { passed = 0, failed = 0, tests = {}, errors = {} }
local function write_results()
  local f = assert(io.open(results_path .. '.tmp', 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  assert(os.rename(results_path .. '.tmp', results_path))
end

-- Each test runs in order; after the first failure the rest are reported as failed without running,
-- since each builds on the state the previous one left.
local broken = nil
local function test(title, fn)
  if broken then
    results.failed = results.failed + 1
    table.insert(results.tests, { title = title, state = 'failed', error = 'not run: ' .. broken .. ' failed' })
    return
  end
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    results.passed = results.passed + 1
    table.insert(results.tests, { title = title, state = 'passed' })
  else
    results.failed = results.failed + 1
    table.insert(results.tests, { title = title, state = 'failed', error = tostring(err) })
    broken = title
  end
end

-- Neovim 0.7 converts published diagnostics into its own form and drops fields such as `data`, which the
-- server needs back in textDocument/codeAction to build the fix: keep the raw LSP diagnostics per URI.
local raw = {}
local publishes = 0
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    raw[result.uri] = result.diagnostics
    publishes = publishes + 1
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end,
}

local function code_of(d)
  if type(d.code) == 'table' then return tostring(d.code.value) end
  return tostring(d.code or '')
end

local function find_code(diags, prefix)
  for _, d in ipairs(diags or {}) do
    if d.source == 'Agent Boundary' and vim.startswith(code_of(d), prefix) then return d end
  end
  return nil
end

local function wait(what, cond)
  if not vim.wait(WAIT_MS, cond, 50) then error('gave up after ' .. WAIT_MS .. ' ms waiting for ' .. what) end
end

local client_id, bufnr, uri, client, finding

test('the server starts and initializes over stdio', function()
  client_id = vim.lsp.start_client({
    name = 'agent-boundary',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
    handlers = handlers,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE: no filetype detection; the languageId sent in didOpen comes from 'filetype'.
  vim.bo[bufnr].filetype = filetype
  uri = vim.uri_from_bufnr(bufnr)
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  wait('initialize', function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end)
  assert(client.server_capabilities.codeActionProvider, 'the server offers code actions')
end)

test('diagnostics arrive, with the ' .. prefix .. '* finding on the line of ' .. sink, function()
  wait('a ' .. prefix .. '* diagnostic on ' .. uri, function() return find_code(raw[uri], prefix) ~= nil end)
  finding = find_code(raw[uri], prefix)
  local line = nil
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if text:find(sink, 1, true) then line = i - 1 end
  end
  assert(finding.range.start.line == line, ('anchored on line %d, expected %s'):format(finding.range.start.line, tostring(line)))
  assert(finding.data ~= nil, 'the raw diagnostic carries data for the fix')
  local shown = vim.diagnostic.get(bufnr)
  local found = false
  for _, d in ipairs(shown) do
    if d.source == 'Agent Boundary' and d.lnum == line then found = true end
  end
  assert(found, 'vim.diagnostic.get shows it: ' .. vim.inspect(shown))
end)

test('the preferred quick fix applies and clears the finding', function()
  local params = {
    textDocument = { uri = uri },
    range = finding.range,
    context = { diagnostics = { finding }, only = { 'quickfix' } },
  }
  local resp = client.request_sync('textDocument/codeAction', params, WAIT_MS, bufnr)
  assert(resp and not resp.err, 'codeAction failed: ' .. vim.inspect(resp))
  local preferred = nil
  for _, a in ipairs(resp.result or {}) do
    if a.isPreferred then preferred = a end
  end
  assert(preferred, 'a preferred action among ' .. vim.inspect(resp.result))
  if not preferred.edit and client.server_capabilities.codeActionProvider.resolveProvider then
    local r = client.request_sync('codeAction/resolve', preferred, WAIT_MS, bufnr)
    assert(r and not r.err, 'codeAction/resolve failed: ' .. vim.inspect(r))
    preferred = r.result
  end
  assert(preferred.edit or preferred.command, 'the action has an edit or a command')
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local others_before, skipped = {}, false
  for _, d in ipairs(raw[uri]) do
    if not skipped and code_of(d) == code_of(finding) then skipped = true else table.insert(others_before, code_of(d)) end
  end
  table.sort(others_before)
  local seen = publishes
  if preferred.edit then vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16') end
  if preferred.command then
    local r = client.request_sync('workspace/executeCommand', preferred.command, WAIT_MS, bufnr)
    assert(r and not r.err, 'executeCommand failed: ' .. vim.inspect(r))
  end
  local after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  assert(after ~= before, 'the fix changed the buffer')
  wait('the ' .. code_of(finding) .. ' finding to clear', function()
    return publishes > seen and find_code(raw[uri], code_of(finding)) == nil
  end)
  local others_after = {}
  for _, d in ipairs(raw[uri]) do table.insert(others_after, code_of(d)) end
  table.sort(others_after)
  assert(vim.deep_equal(others_before, others_after),
    'no new finding: before ' .. vim.inspect(others_before) .. ', after ' .. vim.inspect(others_after))
  vim.cmd('silent write') -- the fixed file stays in the kept run directory for inspection
end)

local ok, err = pcall(function()
  if client_id then vim.lsp.stop_client(client_id) end
end)
if not ok then table.insert(results.errors, tostring(err)) end
write_results()
vim.cmd((results.failed == 0 and #results.errors == 0) and 'qall!' or 'cquit 1')
