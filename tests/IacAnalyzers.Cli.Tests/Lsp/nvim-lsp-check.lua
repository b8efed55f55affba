-- Headless Neovim (0.7+) against `iac-analyzers lsp`: open a template, wait for diagnostics, apply the first
-- quick fix, wait for the diagnostics to go, write what was seen to OUT. Arguments via environment variables:
-- IAC_LSP_CMD (the server command, space-separated), IAC_TEMPLATE (the file), IAC_OUT (the report file).
local out = {}
local function say(line) table.insert(out, line) end
local function finish()
  vim.fn.writefile(out, os.getenv('IAC_OUT'))
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local cmd = vim.split(os.getenv('IAC_LSP_CMD'), ' ', { trimempty = true })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('IAC_TEMPLATE')))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'iac-analyzers', cmd = cmd, root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(buf, client_id)

  local function diagnostics() return vim.diagnostic.get(buf) end
  if not vim.wait(60000, function() return #diagnostics() > 0 end, 50) then
    say('timeout: no diagnostics')
    return
  end
  for _, d in ipairs(diagnostics()) do
    say(string.format('diagnostic %s %d:%d-%d:%d %s', d.code or '?', d.lnum, d.col, d.end_lnum, d.end_col, d.message))
  end

  local d = diagnostics()[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 60000) or {}
  local applied = false
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      say('action ' .. action.title)
      if not applied and action.isPreferred and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        applied = true
        say('applied ' .. action.title)
      end
    end
  end

  if not vim.wait(60000, function() return #diagnostics() == 0 end, 50) then
    say('timeout: diagnostics stayed after the fix')
    return
  end
  say('cleared')
  say('line ' .. vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1])
  vim.lsp.stop_client(client_id)
end)
if not ok then say('error ' .. tostring(err)) end
finish()
