create table note (
  id bigint primary key,
  title text not null
);
insert into note (id, title) select n, 'note ' || n from generate_series(1, 100) as n;
