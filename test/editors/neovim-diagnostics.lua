-- Headless Neovim as a real LSP client: open a descriptor, start dist/server.js --stdio,
-- wait for its diagnostics, write them as JSON to $OUT, quit.
local server = os.getenv('SERVER')
local file = os.getenv('FILE')
local out = os.getenv('OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'descriptor', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local items = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message, code = d.code, severity = d.severity })
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ ok = ok, diagnostics = items }))
f:close()
vim.lsp.stop_client(id)
vim.cmd('qa!')
