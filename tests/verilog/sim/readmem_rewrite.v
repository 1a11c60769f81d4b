// $readmemh at one call site, run again after the simulation rewrote the file with the same
// size: every read sees the file's text of that moment.
module top;
  reg [7:0] src [0:3];
  reg [7:0] dst [0:3];
  integer k, i;
  initial begin
    for (k = 0; k < 3; k = k + 1) begin
      for (i = 0; i < 4; i = i + 1) src[i] = 8'h10 * k + i;
      $writememh("readmem_rewrite.hex", src);
      $readmemh("readmem_rewrite.hex", dst);
      $display("round %0d: %h %h %h %h", k, dst[0], dst[1], dst[2], dst[3]);
    end
    $finish;
  end
endmodule
