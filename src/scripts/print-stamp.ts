// The printed checklist says when it was printed: the date is filled in as the page is printed.
const stamp = document.getElementById('print-stamp');
const fill = () => {
  if (!stamp) return;
  const date = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' }).format(
    new Date(),
  );
  stamp.textContent = (stamp.dataset['template'] ?? '').replace('{date}', date);
};
fill();
addEventListener('beforeprint', fill);

export {};
