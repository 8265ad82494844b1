#!/usr/bin/env bash
# NetVips rendition time and peak memory per photo against Debian's vipsthumbnail, on the same 20 camera-size
# JPEGs (6000 x 4000), each made 1200 px wide as the article's largest rendition. Best of three runs each.
# Targets (issue 18): time ratio at most 0.9, peak memory at most 1.3x.
#   bench/renditions.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20}
source bench/debian.sh
need_debian vipsthumbnail libvips-tools
need_debian /usr/bin/time time
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
bench=bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet "$bench" photos --dir "$work/in" --count "$count"
mkdir -p "$work/vt" "$work/nv"
cat "$work"/in/*.jpg > /dev/null
best() { sort -n "$@" | head -1; }
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/vt-$run" vipsthumbnail "$work"/in/*.jpg --size 1200x100000 -o "$work/vt/%s.jpg[Q=82,strip,optimize_coding,interlace]"
  /usr/bin/time -f "%e %M" -o "$work/nv-$run" dotnet "$bench" renditions --dir "$work/in" --out "$work/nv" --kind w1200 > "$work/nv-inner-$run"
done
vt_time=$(cat "$work"/vt-? | awk '{print $1}' | sort -n | head -1)
vt_mem=$(cat "$work"/vt-? | awk '{print $2}' | sort -n | head -1)
nv_time=$(cat "$work"/nv-? | awk '{print $1}' | sort -n | head -1)
nv_mem=$(cat "$work"/nv-? | awk '{print $2}' | sort -n | head -1)
nv_inner=$(cat "$work"/nv-inner-? | sed -E 's/.* in ([0-9]+) ms in-process.*/\1/' | sort -n | head -1)
echo "vipsthumbnail $(vipsthumbnail --vips-version | head -1): $vt_time s for $count photos, peak RSS $((vt_mem / 1024)) MiB"
echo "NetVips (site renditions): $nv_time s for the process ($nv_inner ms in-process), peak RSS $((nv_mem / 1024)) MiB"
awk -v a="$nv_time" -v b="$vt_time" -v i="$nv_inner" -v m="$nv_mem" -v n="$vt_mem" -v c="$count" 'BEGIN {
  printf "per photo: NetVips %.0f ms (process) / %.0f ms (in-process), vipsthumbnail %.0f ms\n", 1000*a/c, i/c, 1000*b/c;
  printf "time ratio NetVips/vipsthumbnail: %.2f (process), %.2f (in-process); target <= 0.9\n", a/b, (i/1000)/b;
  printf "peak memory ratio: %.2f; target <= 1.3\n", m/n }'
# Both cores, as the site makes a burst of first requests (a gallery's first readers: one rendition worker per core,
# Newsroom:Media:RenditionWorkers), against vipsthumbnail given both cores too: two processes over half the photos
# each. Peak memory here is the largest sum of each side's resident sizes, sampled every 20 ms from /proc (the same
# sampler for both sides), since vipsthumbnail's side is two processes. Best of three runs each, in turns.
sampled() { # command...: prints "seconds peak-KiB"
  local start end pid peak=0 sum p k v _
  start=$(date +%s%N)
  "$@" > /dev/null & pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sum=0
    for p in $pid $(cat /proc/$pid/task/*/children 2>/dev/null); do
      while read -r k v _; do [ "$k" = VmRSS: ] && sum=$((sum + v)); done 2>/dev/null < "/proc/$p/status" || true
    done
    [ "$sum" -gt "$peak" ] && peak=$sum
    sleep 0.02
  done
  wait "$pid"
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v m="$peak" 'BEGIN { printf "%.2f %d\n", (e - s) / 1e9, m }'
}
ls "$work"/in/*.jpg > "$work/list"
for run in 1 2 3; do
  rm -rf "$work/vt2" "$work/nv2"; mkdir -p "$work/vt2" "$work/nv2"
  sampled xargs -a "$work/list" -n $(((count + 1) / 2)) -P 2 vipsthumbnail --size 1200x100000 -o "$work/vt2/%s.jpg[Q=82,strip,optimize_coding,interlace]" > "$work/vt2-$run"
  sampled dotnet "$bench" renditions --dir "$work/in" --out "$work/nv2" --kind w1200 --parallel 2 > "$work/nv2-$run"
done
[ "$(ls "$work/vt2" | wc -l)" = "$count" ] && [ "$(ls "$work/nv2" | wc -l)" = "$count" ] || { echo "both cores: a side made the wrong number of renditions" >&2; exit 1; }
vt2_time=$(cat "$work"/vt2-? | awk '{print $1}' | sort -n | head -1)
vt2_mem=$(cat "$work"/vt2-? | awk '{print $2}' | sort -n | head -1)
nv2_time=$(cat "$work"/nv2-? | awk '{print $1}' | sort -n | head -1)
nv2_mem=$(cat "$work"/nv2-? | awk '{print $2}' | sort -n | head -1)
echo "both cores: NetVips two at a time $nv2_time s, peak $((nv2_mem / 1024)) MiB; vipsthumbnail two processes $vt2_time s, peak $((vt2_mem / 1024)) MiB together"
awk -v a="$nv2_time" -v b="$vt2_time" -v c="$vt_time" -v m="$nv2_mem" -v n="$vt2_mem" -v o="$vt_mem" 'BEGIN {
  printf "both cores: time ratio %.2f against two vipsthumbnail processes (%.2f against one); peak memory ratio %.2f (%.2f against one)\n", a/b, a/c, m/n, m/o }'
# What the speed cost in quality: each tool's rendition of the first photo against a full-size decode resized with
# lanczos3 (PSNR, higher is closer), on the bench's noisy photo and on the same photo softened like a camera's.
psnr() { vips subtract "$1" "$2" "$work/d.v" && vips multiply "$work/d.v" "$work/d.v" "$work/sq.v" && vips avg "$work/sq.v" | awk '{ printf "%.2f", 10 * log(65025 / $1) / log(10) }'; }
first=$(ls "$work"/in/*.jpg | head -1)
mkdir -p "$work/soft"
vips gaussblur "$first" "$work/soft.v" 2
vips jpegsave "$work/soft.v" "$work/soft/$(basename "$first")" --Q 92
vipsthumbnail "$work/soft/$(basename "$first")" --size 1200x100000 -o "$work/soft-vt.jpg[Q=82,strip,optimize_coding,interlace]"
dotnet "$bench" renditions --dir "$work/soft" --out "$work/soft-nv" --kind w1200 > /dev/null
for photo in "$first:$work/vt/$(basename "$first"):$work/nv/$(basename "$first")" "$work/soft/$(basename "$first"):$work/soft-vt.jpg:$work/soft-nv/$(basename "$first")"; do
  IFS=: read -r original vt nv <<< "$photo"
  width=$(vipsheader -f width "$original")
  vips resize "$original" "$work/ref.v" "$(awk -v w="$width" 'BEGIN { print 1200 / w }')" --kernel lanczos3
  echo "quality against a full decode, $( [[ $original == */soft/* ]] && echo softened || echo noisy ) photo: NetVips $(psnr "$nv" "$work/ref.v") dB, vipsthumbnail $(psnr "$vt" "$work/ref.v") dB PSNR"
done
