// $readmemh/$readmemb: comments, @addresses, x/z digits, underscores, start/end addresses in
// both directions, descending memories, and Icarus's messages for short, long, malformed and
// missing files (the memory keeps its contents where nothing is read).
module readmem;
  reg [15:0] m [0:9];
  reg [3:0] b [0:7];
  reg [7:0] d [7:0];
  integer i;
  task clear;
    for (i = 0; i < 10; i = i + 1) m[i] = 16'hdead;
  endtask
  task dump;
    begin
      for (i = 0; i < 10; i = i + 1) $write("%h ", m[i]);
      $display;
    end
  endtask
  initial begin
    clear;
    $readmemh("data/mem_h.txt", m);
    dump;
    clear;
    $readmemh("data/mem_h.txt", m, 2);
    dump;
    clear;
    $readmemh("data/mem_short.txt", m, 7, 4);
    dump;
    clear;
    $readmemh("data/mem_short.txt", m, 1, 2);
    dump;
    clear;
    $readmemh("data/mem_bad.txt", m);
    dump;
    clear;
    $readmemh("data/missing.txt", m);
    dump;
    for (i = 0; i < 8; i = i + 1) b[i] = 4'h6;
    $readmemb("data/mem_b.txt", b);
    for (i = 0; i < 8; i = i + 1) $write("%b ", b[i]);
    $display;
    $readmemh("data/mem_short.txt", d);
    for (i = 0; i < 8; i = i + 1) $write("%h ", d[i]);
    $display;
    $readmemh("data/mem_short.txt", d, 5, 7);
    for (i = 0; i < 8; i = i + 1) $write("%h ", d[i]);
    $display;
  end
endmodule
