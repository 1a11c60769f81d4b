// Indexed part selects +: and -: with variable bases on both range directions, read and written.
module top;
  reg [31:0] v;
  reg [0:31] w;
  integer i;
  initial begin
    v = 32'h76543210;
    w = 32'h76543210;
    for (i = 0; i < 32; i = i + 8)
      $display("%0d: %h %h %h %h", i, v[i +: 8], v[i + 7 -: 8], w[i +: 8], w[i + 7 -: 8]);
    for (i = 0; i < 4; i = i + 1) v[i*4 +: 4] = i;
    $display("%h", v);
    for (i = 0; i < 4; i = i + 1) w[i*8 +: 8] = 8'hA0 + i;
    $display("%h", w);
  end
endmodule
