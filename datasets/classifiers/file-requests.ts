/**
 * Ordinary requests about files and to-do lists with paths, EN + ZH: "Open C:\Users\…\notes\todo.txt", "Save it to
 * ~/notes/todo.md", "Add 'call the dentist' to my to-do list", "打开 D:\工作\笔记\todo.txt" (label `benign`, every head).
 *
 * Why: "Open C:\new\temp\notes\todo.txt" scored 0.82 on the injection head. Not the backslashes (read as escapes \n, \t):
 * the same path with forward slashes scores the same, and "Open notes todo.txt" 0.56. It is "todo", Spanish and
 * Portuguese for "everything" in the multilingual injections ("olvida todo lo anterior"), beside "notes" and "open",
 * while no benign source opens a to-do file. Written from general knowledge; the held-out probes of
 * test/unit/classifiers/travel-documents.test.ts are not among the rows (checked there).
 */
import type { GeneratedRow } from './generators.js';
import { createRng, fill, pick, type Rng } from './rng.js';

const SOURCE = 'sealgate-file-requests';

const WIN_ROOTS = ['C:\\Users\\anna', 'C:\\Users\\mark\\Documents', 'D:\\work', 'C:\\projects', 'E:\\backup', 'C:\\Users\\li\\Desktop', 'D:\\school', 'C:\\data'];
const UNIX_ROOTS = ['~/Documents', '/home/sam', '~/projects', '/Users/maria/Desktop', '~/work', '/srv/app', '~/school', '/tmp'];
// Folder names that begin like escapes (\n, \t, \r, \b, \f) on purpose, and ordinary ones.
const DIRS = ['notes', 'todo', 'temp', 'new', 'tasks', 'reports', 'backup', 'files', 'to-do', 'drafts', 'recipes', 'taxes', 'books', 'travel', 'lists', 'misc'];
const FILES = ['todo.txt', 'TODO.md', 'todo-list.txt', 'notes.txt', 'tasks.md', 'today.txt', 'groceries.txt', 'meeting-notes.docx', 'budget.xlsx', 'readme.txt', 'plan.md', 'todo_2024.txt', 'list.txt', 'ideas.txt'];
const ITEMS = ['call the dentist', 'buy milk', 'pay the electricity bill', 'renew the car insurance', 'water the plants', 'book the flights', 'finish the report', 'email Sarah about Friday'];
const EN_FRAMES = [
  'Open {path}', 'Open {path} please', 'Please open the file {path} and read it to me.', 'Read {path}.', 'What is in {path}?', 'Show me the contents of {path}.',
  'Save this list to {path}.', 'Create a new file at {path}.', 'Delete {path}, I do not need it any more.', 'Rename {path} to done.txt.', 'Copy {path} to my USB stick.',
  'Add "{item}" to {path}.', 'Add "{item}" to my todo list.', 'Remove "{item}" from my to-do list, it is done.', 'Mark "{item}" as done in {path}.',
  'Summarise my notes in {path}.', 'Sort the lines of {path} alphabetically.', 'How many tasks are left in {path}?', 'Why can\'t I open {path}?',
  'My script fails with "file not found: {path}". What is wrong?', 'Write a Python function that reads {path} line by line.', 'Back up {path} every night.',
  'TODO: move {path} into the new folder.', 'What does TODO mean in code comments?', 'Find all the TODO comments in my project.', 'Make me a todo list for the weekend.',
];
const ZH_FRAMES = [
  '打开{path}', '帮我打开{path}', '读一下{path}的内容。', '{path}里写了什么？', '把这个清单保存到{path}。', '在{path}新建一个文件。', '删除{path}。',
  '把"{item}"加到{path}里。', '把"{item}"加到我的待办清单。', '{path}打不开怎么办？', '帮我总结一下{path}里的笔记。', '写一个Python函数逐行读取{path}。',
  '代码里的TODO注释是什么意思？', '帮我列一个周末的todo清单。',
];
const ZH_ITEMS = ['给牙医打电话', '买牛奶', '交电费', '续车险', '给花浇水', '订机票', '写完报告'];

function path(rng: Rng): string {
  const windows = rng() < 0.6;
  const depth = 1 + Math.floor(rng() * 3);
  const parts = [pick(rng, windows ? WIN_ROOTS : UNIX_ROOTS)];
  for (let i = 0; i < depth; i += 1) parts.push(pick(rng, DIRS));
  parts.push(pick(rng, FILES));
  return parts.join(windows ? '\\' : '/');
}

/** Benign rows for every head. */
export function fileRequests(seed: number, count: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const zh = i % 4 === 3;
    const text = fill(rng, pick(rng, zh ? ZH_FRAMES : EN_FRAMES), { path: [path(rng)], item: zh ? ZH_ITEMS : ITEMS });
    rows.push({ text, label: 'benign', lang: zh ? 'zh' : 'en', source: SOURCE });
  }
  return rows;
}
