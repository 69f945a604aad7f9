#!/usr/bin/env perl
# Turns the statements that the tracker sent during one request, as PostgreSQL logged them
# (log_min_duration_statement = 0), into a pgbench script that sends the same statements with the
# same parameters, so that one pgbench transaction is one HTTP request. Used by bench/run.sh.
#
#   pgcapture.pl --log FILE --from BYTE --to BYTE [--db NAME] --script OUT --vars VARS
#                [--dropped FILE] [--bind VALUE=VARIABLE ...] [--title TEXT]
#
# Reads the log between the two byte offsets; keeps the "execute" (extended protocol) and
# "statement" (simple protocol) entries of database NAME with their parameters, in order. Each
# $n becomes a pgbench variable (with -M prepared pgbench sends it as a parameter again):
# integers get a \set line in the script; other values (dates, statuses, the account name) are
# appended to VARS as NAME=VALUE for pgbench -D; a value given with --bind becomes :VARIABLE and
# is left to the caller to set. Left out, and listed in --dropped: empty statements (the pool's
# connection checks), the driver's catalog queries (pg_catalog: once per connection) and the
# bearer token's lookup (api_token, account: the tracker remembers a token for a minute).
use strict;
use warnings;
use Getopt::Long;
use Digest::MD5 qw(md5_hex);

my ($log, $from, $to, $db, $script, $vars, $dropped, $title, @bind);
GetOptions(
  'log=s' => \$log, 'from=i' => \$from, 'to=i' => \$to, 'db=s' => \$db, 'script=s' => \$script,
  'vars=s' => \$vars, 'dropped=s' => \$dropped, 'bind=s' => \@bind, 'title=s' => \$title,
) or die "usage: see the head of $0\n";
defined $log && defined $from && defined $to && defined $script && defined $vars
  or die "pgcapture.pl: --log, --from, --to, --script and --vars are required\n";

open my $in, '<', $log or die "pgcapture.pl: cannot read $log: $!\n";
seek $in, $from, 0 or die "pgcapture.pl: cannot seek in $log\n";
my $data = '';
read $in, $data, $to - $from if $to > $from;
close $in;

# A log entry starts on a line of its own; its further lines start with a tab.
my @entries;
for my $line (split /\n/, $data) {
  if ($line =~ /^\t/ && @entries) {
    $entries[-1] .= "\n" . substr($line, 1);
  } else {
    push @entries, $line;
  }
}

my @statements;
my $last;
for my $entry (@entries) {
  next unless $entry =~ /^(.*?)\b(LOG|DETAIL):  (.*)\z/s;
  my ($prefix, $level, $message) = ($1, $2, $3);
  next if defined $db && index($prefix, "\@$db ") < 0;
  if ($level eq 'LOG') {
    if ($message =~ /^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)\z/s) {
      $last = { sql => $1, params => {} };
      push @statements, $last;
    } else {
      $last = undef;
    }
  } elsif ($last && $message =~ /^parameters: (.*)\z/s) {
    my $list = $1;
    while ($list =~ /\G\$(\d+) = (?:(NULL)|'((?:[^']|'')*)')(?:, |\z)/gcs) {
      my ($n, $null, $value) = ($1, $2, $3);
      $last->{params}{$n} = defined $null ? undef : $value =~ s/''/'/gr;
    }
    pos($list) == length($list) or warn "pgcapture.pl: cannot read the parameters: $list\n";
    $last = undef;
  }
}

my %bound = map { split /=/, $_, 2 } @bind;
my (%int_vars, %string_vars, @kept, @left_out);

sub variable_for {
  my ($params, $n) = @_;
  exists $params->{$n} or die "pgcapture.pl: the log gives no value for \$$n\n";
  my $value = $params->{$n};
  return 'NULL' unless defined $value;
  return ":$bound{$value}" if exists $bound{$value};
  if ($value =~ /^-?\d{1,18}$/) {
    my $name = 'i' . ($value =~ s/^-/m/r);
    $int_vars{$name} = $value;
    return ":$name";
  }
  my $clean = substr($value =~ s/[^A-Za-z0-9]+/_/gr, 0, 30);
  my $name = 's_' . $clean . '_' . substr(md5_hex($value), 0, 6);
  $value !~ /\n/ or die "pgcapture.pl: a parameter holds a line break, which pgbench -D cannot pass\n";
  $string_vars{$name} = $value;
  return ":$name";
}

for my $statement (@statements) {
  my $sql = $statement->{sql};
  $sql =~ s/\s+\z//;
  $sql =~ s/;\z//;
  if ($sql !~ /\S/ || $sql =~ /\bpg_catalog\./i || $sql =~ /\b(?:api_token|account)\b/i) {
    push @left_out, $sql;
    next;
  }
  warn "pgcapture.pl: the statement holds a ':name' that pgbench would take for a variable\n"
    if $sql =~ /(?<!:):[A-Za-z_]/;
  $sql =~ s/\$(\d+)(?!\d)/variable_for($statement->{params}, $1)/ge;
  push @kept, $sql;
}
@kept or die "pgcapture.pl: no statement of " . ($db // 'any database') . " between bytes $from and $to of $log\n";

open my $out, '>', $script or die "pgcapture.pl: cannot write $script: $!\n";
printf $out "-- %s: %d statements as the tracker sent them\n", $title // 'request', scalar @kept;
print $out "\\set $_ $int_vars{$_}\n" for sort keys %int_vars;
print $out "$_;\n" for @kept;
close $out;

open my $v, '>>', $vars or die "pgcapture.pl: cannot write $vars: $!\n";
print $v "$_=$string_vars{$_}\n" for sort keys %string_vars;
close $v;

if (defined $dropped) {
  open my $d, '>>', $dropped or die "pgcapture.pl: cannot write $dropped: $!\n";
  for (@left_out) {
    my $one_line = $_ =~ s/\s+/ /gr;
    printf $d "%s: %s\n", $title // 'request', length $one_line ? substr($one_line, 0, 160) : '(empty statement)';
  }
  close $d;
}
printf STDERR "%d kept, %d left out\n", scalar @kept, scalar @left_out;
